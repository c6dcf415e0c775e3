package dev.newsflow.bench;

import dev.newsflow.core.Json;
import dev.newsflow.kafkalocal.LocalKafka;
import dev.newsflow.kafkalocal.TempDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole pipeline under load on this machine, beside the broker's own ceiling in the same run:
 * a synthetic feed server, the real local broker, and the ingest, enrich and sink jars as child processes.
 * Reports sustained throughput, fetch-to-file delay percentiles, CPU and peak memory per service, and the
 * delivery check (lost, duplicated, out of order), as JSON and as an SVG chart.
 *
 * <pre>./newsflow bench [--articles 40000] [--warmup 200000] [--feeds 100] [--bytes 5000] [--rate 0] [--window 400]
 *                  [--interval 1s] [--languages fr,en,es,de] [--detect-language] [--html] [--no-ceiling]
 *                  [--env KEY=VALUE]...</pre>
 * {@code --rate 0} releases every article at once (throughput); {@code --rate 200} releases 200 a second
 * (delay at a steady load). The {@code --warmup} articles go through first, on at least as many feeds of
 * their own, and are not measured: the services' JIT compilers work hardest in their first minutes, which a
 * long-running deployment never sees again. Feeds name their language, as most do; {@code --detect-language} withholds
 * it, so that enrich detects every article's. Items are plain text unless {@code --html} marks them up as
 * sites do, so that ingest parses and sanitises their HTML.
 */
public final class PipelineBench {

    private PipelineBench() {
    }

    record Options(int articles, int warmup, int feeds, int bytes, double rate, int window, String interval,
                   List<String> languages, boolean detectLanguage, boolean html, boolean ceiling, Duration timeout,
                   Path root, Path results, Map<String, String> env) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> env = new LinkedHashMap<>();
            boolean ceiling = true;
            boolean detectLanguage = false;
            boolean html = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--no-ceiling" -> ceiling = false;
                    case "--detect-language" -> detectLanguage = true;
                    case "--html" -> html = true;
                    case "--env" -> {
                        String[] kv = args[++i].split("=", 2);
                        env.put(kv[0], kv[1]);
                    }
                    default -> {
                        if (!args[i].startsWith("--") || i + 1 >= args.length) {
                            throw new IllegalArgumentException("unknown argument " + args[i]);
                        }
                        values.put(args[i].substring(2), args[++i]);
                    }
                }
            }
            int feeds = Integer.parseInt(values.getOrDefault("feeds", "100"));
            int articles = Integer.parseInt(values.getOrDefault("articles", "40000"));
            double rate = Double.parseDouble(values.getOrDefault("rate", "0"));
            int window = Integer.parseInt(values.getOrDefault("window", "400"));
            if (rate == 0 && articles / feeds > window) {
                // Released at once, the oldest items would scroll out of their feed before any poll saw them.
                throw new IllegalArgumentException("a burst needs every article in its feed at once: " + articles
                        / feeds + " articles a feed exceed --window " + window + "; raise --window or --feeds");
            }
            return new Options(articles / feeds * feeds, Integer.parseInt(values.getOrDefault("warmup", "200000")),
                    feeds, Integer.parseInt(values.getOrDefault("bytes", "5000")), rate, window,
                    values.getOrDefault("interval", "1s"),
                    Arrays.asList(values.getOrDefault("languages", "fr,en,es,de").split(",")), detectLanguage, html,
                    ceiling,
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("timeout", "900"))),
                    Path.of(values.getOrDefault("root", ".")).toAbsolutePath().normalize(),
                    Path.of(values.getOrDefault("results", "bench/results")), env);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path work = Files.createTempDirectory("newsflow-bench-");
        System.out.println("Working in " + work + " (the broker's data, the services' logs and archive)");
        // Stopped early (Ctrl-C), the harness must not leave services and a broker running behind it.
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startedAt", Instant.now().toString());
        result.put("machine", Machine.describe());
        result.put("options", options);
        boolean clean = false;
        try (LocalKafka kafka = LocalKafka.start(work.resolve("kafka"))) {
            if (options.ceiling()) {
                System.out.println("Measuring the broker's ceiling with Kafka's perf tools...");
                result.put("brokerCeiling", BrokerCeiling.measure(kafka.bootstrapServers(), options.articles(),
                        options.bytes(), 3));
            }
            System.out.println("Running the pipeline on " + options.articles() + " articles...");
            PipelineRun.Result run = PipelineRun.run(options, kafka, work);
            result.put("pipeline", run);
            clean = run.exactlyOnce();
            if (options.ceiling()) {
                System.out.println("Measuring the same records through Kafka with no work in between...");
                try {
                    result.put("kafkaFloor", KafkaFloor.measure(kafka.bootstrapServers(), options.articles(), 3,
                            work.resolve("floor")));
                } catch (IOException e) { // the pipeline's figures stand without it
                    System.out.println("No Kafka floor: " + e.getMessage());
                    result.put("kafkaFloor", "not measured: " + e.getMessage());
                }
            }
        } finally {
            // A run's data is gigabytes: kept only when something went wrong, for a look at what and why.
            if (clean) {
                TempDirectories.delete(work);
            } else {
                System.out.println("Kept " + work + " for a look at what went wrong");
            }
        }
        if (result.get("brokerCeiling") instanceof BrokerCeiling.Result ceiling
                && result.get("pipeline") instanceof PipelineRun.Result run) {
            result.put("ratioToProducerCeiling", run.articlesPerSecond() / ceiling.producerRecordsPerSecond());
            if (result.get("kafkaFloor") instanceof KafkaFloor.Result floor) {
                result.put("floorRatioToProducerCeiling",
                        floor.articlesPerSecond() / ceiling.producerRecordsPerSecond());
                result.put("ratioToFloor", run.articlesPerSecond() / floor.articlesPerSecond());
            }
        }
        Files.createDirectories(options.results());
        String name = String.format(Locale.ROOT, "%s-%s", Instant.now().toString().replace(':', '-'),
                options.rate() > 0 ? "steady-" + (int) options.rate() : "burst");
        Path json = options.results().resolve(name + ".json");
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), result);
        Path svg = options.results().resolve(name + ".svg");
        Files.writeString(svg, ResultChart.svg(result));
        System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result.get("pipeline")));
        System.out.println("Results: " + json + " and " + svg);
    }

    /** Where the figures came from. */
    record Machine(int cores, long memoryBytes, String java, String os) {
        static Machine describe() throws IOException {
            long memory = 0;
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memory = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return new Machine(Runtime.getRuntime().availableProcessors(), memory,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
    }

}
