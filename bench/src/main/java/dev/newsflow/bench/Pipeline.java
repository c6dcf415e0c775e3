package dev.newsflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Newsflow as a deployment runs it, for benchmarks and fault tests: synthetic feeds on loopback, and the
 * ingest, enrich and sink jars as child processes on one topic prefix of a given broker. Any service can
 * be killed, stopped and started again on the same state, and the result checked for loss and duplicates.
 */
public final class Pipeline implements AutoCloseable {

    public static final List<String> SERVICES = List.of("sink", "enrich", "ingest");

    private final Path root;
    private final Path work;
    private final String bootstrap;
    private final SyntheticFeedServer feeds;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, Integer> httpPorts = new LinkedHashMap<>();

    /**
     * @param root  the repository's root, where the service jars are
     * @param extra settings for every service, such as {@code NEWSFLOW_INGEST_POLL_INTERVAL}
     */
    public Pipeline(Path root, Path work, String bootstrap, SyntheticFeedServer.Plan plan, String pollInterval,
                    Map<String, String> extra) throws IOException {
        this.root = root;
        this.work = work;
        this.bootstrap = bootstrap;
        this.feeds = new SyntheticFeedServer(plan);
        Path feedList = Files.writeString(feedList(), feeds.feedListYaml(pollInterval));
        env.put("NEWSFLOW_BOOTSTRAP_SERVERS", bootstrap);
        env.put("NEWSFLOW_TOPIC_PREFIX", "p" + System.nanoTime());
        env.put("NEWSFLOW_TOPIC_PARTITIONS", "3");
        env.put("NEWSFLOW_SINK_OUTPUT_DIR", output().toString());
        env.put("NEWSFLOW_INGEST_FEEDS", feedList.toString());
        env.putAll(extra);
    }

    private Path feedList() {
        return work.resolve("feeds.yaml");
    }

    /** Adds feeds of another server to the list ingest reads; call before starting ingest. */
    public Pipeline addFeeds(List<String> urls, String pollInterval) throws IOException {
        StringBuilder more = new StringBuilder();
        urls.forEach(url -> more.append("  - url: ").append(url).append("\n    interval: ").append(pollInterval)
                .append('\n'));
        Files.writeString(feedList(), more, java.nio.file.StandardOpenOption.APPEND);
        return this;
    }

    /** The feed server the pipeline was built with. */
    public SyntheticFeedServer feedServer() {
        return feeds;
    }

    public Path output() {
        return work.resolve("out");
    }

    public Path archive() {
        return output().resolve("articles");
    }

    public String topic(String name) {
        return env.get("NEWSFLOW_TOPIC_PREFIX") + "." + name;
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    public SyntheticFeedServer feeds() {
        return feeds;
    }

    /**
     * Starts the named services (sink, enrich, ingest by default, downstream first). A name such as
     * {@code enrich-2} starts another instance of {@code enrich} beside the first.
     */
    public Pipeline start(String... names) {
        for (String name : names.length == 0 ? SERVICES.toArray(String[]::new) : names) {
            String module = name.replaceFirst("-\\d+$", "");
            if (running.containsKey(name) && running.get(name).isAlive()) {
                throw new IllegalStateException(name + " is already running");
            }
            Map<String, String> own = new LinkedHashMap<>(env);
            own.put("NEWSFLOW_HTTP_PORT", Integer.toString(httpPorts.computeIfAbsent(name, n -> freePort())));
            // Each instance its own state, as on separate machines: Kafka Streams locks its state directory, so
            // a second enrich sharing the first one's would die at start. A restart finds its own again.
            own.put("NEWSFLOW_ENRICH_STATE_DIR", work.resolve(name + "-state").toString());
            running.put(name, ServiceProcess.start(root, module, name, own, work));
        }
        return this;
    }

    /** Where a service serves /health, /ready and /metrics; the same port across its restarts. */
    public int httpPort(String name) {
        Integer port = httpPorts.get(name);
        if (port == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ServiceProcess service(String name) {
        ServiceProcess p = running.get(name);
        if (p == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return p;
    }

    /** Kills a service with SIGKILL, as a crash would. */
    public void kill(String name) throws InterruptedException {
        service(name).kill();
    }

    /** Every service's log, for a failure message, after the directory that holds them whole. */
    public String logs() {
        StringBuilder all = new StringBuilder("\n(logs, archive and state under " + work + ")");
        running.forEach((name, p) -> all.append("\n===== ").append(name).append(" =====\n").append(p.logText()));
        return all.toString();
    }

    /**
     * Every service's threads, then the logs: for a test that gave up waiting on the pipeline, where the log
     * alone cannot say whether a service is stuck or merely slow. A JVM prints its threads to its output, which
     * is the log, on SIGQUIT.
     */
    public String logsWithThreads() throws InterruptedException {
        // What each service logged last, before the dumps bury it: a CI report that shows only the end of a
        // failure's message still shows this.
        StringBuilder last = new StringBuilder("\n===== each service's last lines before its thread dump =====");
        running.forEach((name, p) -> last.append("\n--- ").append(name).append(p.isAlive() ? "" : " (exited)")
                .append('\n').append(lastLines(p.logText(), 5)));
        for (ServiceProcess service : running.values()) {
            if (service.isAlive()) {
                try {
                    service.signal("QUIT");
                } catch (IOException e) {
                    // Gone in the meantime: its log says why.
                }
            }
        }
        Thread.sleep(2_000);
        return logs() + last;
    }

    /** The last {@code count} log records (lines that start with a time, not stack frames), cut to 300 characters. */
    private static String lastLines(String text, int count) {
        List<String> records = text.lines().filter(line -> line.matches("^\\d\\d:\\d\\d:\\d\\d.*"))
                .map(line -> line.length() > 300 ? line.substring(0, 300) + "..." : line).toList();
        return String.join("\n", records.subList(Math.max(0, records.size() - count), records.size()));
    }

    /** Throws with the logs when a service died that was not killed on purpose. */
    public void assertAlive() {
        running.forEach((name, p) -> {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " died:" + logs());
            }
        });
    }

    public DeliveryChecker checker() {
        return new DeliveryChecker(feeds.plannedKeys());
    }

    public Map<String, ServiceProcess> running() {
        return Map.copyOf(running);
    }

    @Override
    public void close() {
        running.values().forEach(ServiceProcess::close);
        feeds.close();
    }
}
