package dev.newsflow.kafkalocal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (Kafka's own server from Maven Central) in a child JVM, with its
 * own data folder and loopback ports. It can be stopped cleanly, killed with -9, and started again on
 * the same data and ports, after {@link FenceAfterCrash} has made that safe for its transactions. One
 * launcher for both the local run and the tests.
 */
public final class LocalKafka implements KafkaCluster, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final BrokerFiles files;
    private final int port;
    private Process process;

    private LocalKafka(BrokerFiles files, int port) {
        this.files = files;
        this.port = port;
    }

    /** Starts a broker on a free port, or on the port it had when {@code dataDir} already holds one. */
    public static LocalKafka start(Path dataDir) {
        BrokerFiles files = new BrokerFiles(dataDir);
        int saved = files.savedPort();
        return start(dataDir, saved > 0 ? saved : BrokerFiles.freePort());
    }

    /** Starts a broker on {@code port}, formatting {@code dataDir} first when it is new. */
    public static LocalKafka start(Path dataDir, int port) {
        BrokerFiles files = new BrokerFiles(dataDir);
        if (files.savedPort() != port) {
            files.writeConfig(port);
        }
        LocalKafka kafka = new LocalKafka(files, port);
        kafka.restart();
        return kafka;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return files.dataDir();
    }

    /** The broker's own log, inside {@link #dataDir()}. */
    public Path logFile() {
        return files.brokerLog();
    }

    /** The child's process id, for tests that signal it (SIGSTOP, SIGKILL). */
    public long pid() {
        return process.pid();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker again on the same data and ports, and waits until it answers. */
    public synchronized void restart() {
        if (isRunning()) {
            throw new IllegalStateException("broker on " + bootstrapServers() + " is already running");
        }
        if (files.isFormatted()) {
            fenceAfterCrash();
        } else {
            format();
        }
        process = launch(List.of(BrokerMain.class.getName(), files.serverProperties().toString()));
        awaitAnswer();
        log.info("Kafka broker up on {} (pid {}, data {})", bootstrapServers(), process.pid(), files.dataDir());
    }

    /** Stops the broker cleanly (SIGTERM), killing it if it has not stopped within 30 s. Idempotent. */
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        process.destroy();
        if (!waitFor(process, STOP_TIMEOUT)) {
            log.warn("Kafka broker on {} did not stop within {}; killing it", bootstrapServers(), STOP_TIMEOUT);
            kill();
        }
    }

    /** Kills the broker at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process, STOP_TIMEOUT);
        }
    }

    /**
     * Removes the transaction coordinator's log, for tests of what a lost one leaves behind: the broker starts
     * again knowing no transaction, while the partitions still hold those that were open. Only while stopped.
     */
    public synchronized void deleteTransactionLog() {
        if (isRunning()) {
            throw new IllegalStateException("broker on " + bootstrapServers() + " is running");
        }
        try (Stream<Path> dirs = Files.list(files.logDirs())) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("__transaction_state-")).toList()) {
                try (Stream<Path> inside = Files.walk(dir)) {
                    for (Path path : inside.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the transaction log in " + files.logDirs(), e);
        }
    }

    /** Blocks until the broker process ends, however it ends, and returns its exit code. */
    public int awaitExit() throws InterruptedException {
        Process current;
        synchronized (this) {
            current = process;
        }
        return current.waitFor();
    }

    @Override
    public void close() {
        stop();
    }

    private void format() {
        Process formatter = launch(List.of("kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", files.serverProperties().toString()));
        if (!waitFor(formatter, START_TIMEOUT) || formatter.exitValue() != 0) {
            formatter.destroyForcibly();
            throw new IllegalStateException("formatting the broker's storage in " + files.dataDir()
                    + " failed:\n" + files.logTail());
        }
    }

    /** Runs {@link FenceAfterCrash} on the data; a broker that has registered is fenced when it ends. */
    private void fenceAfterCrash() {
        Process pass = launch(List.of(FenceAfterCrash.class.getName(), files.dataDir().toString()));
        if (!waitFor(pass, START_TIMEOUT)) {
            pass.destroyForcibly();
            waitFor(pass, STOP_TIMEOUT);
        }
        if (pass.isAlive() || pass.exitValue() != 0) {
            // Only a broker killed before it ever registered leaves nothing to fence; anything else is
            // worth a look, but the broker can still start: what is at stake is a transaction's markers.
            log.warn("The fence pass before restarting the broker in {} did not see it fenced; starting it "
                    + "anyway. Its log ends:\n{}", files.dataDir(), files.logTail());
        }
    }

    private Process launch(List<String> mainAndArgs) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms64m", "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + files.tmpDir(),
                "-Dlog4j2.configurationFile=" + files.log4jConfig().toUri(),
                "-cp", brokerClasspath()));
        command.addAll(mainAndArgs);
        try {
            Files.createDirectories(files.tmpDir());
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(files.brokerLog().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for the broker", e);
        }
    }

    private void awaitAnswer() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited with " + process.exitValue()
                            + " while starting:\n" + files.logTail());
                }
                try {
                    var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                            .nodes().get(6, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (notYet instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the broker", notYet);
                    }
                    // Not listening yet: the admin client's own backoff paces the next try.
                }
            }
        }
        kill();
        throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " did not answer within "
                + START_TIMEOUT + ":\n" + files.logTail());
    }

    private static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This module's own classes (for {@link BrokerMain}) plus the broker jars listed at build time. */
    static String brokerClasspath() {
        try (InputStream in = LocalKafka.class.getResourceAsStream("broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("broker.classpath is missing: build kafka-local with Maven first");
            }
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            String own = Path.of(LocalKafka.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            return own + File.pathSeparator + jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
