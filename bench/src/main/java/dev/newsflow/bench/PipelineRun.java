package dev.newsflow.bench;

import dev.newsflow.kafkalocal.LocalKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One run of ingest, enrich and sink on synthetic feeds, watched from the outside. */
final class PipelineRun {

    record ServiceUsage(double cpuSeconds, double averageCores, double peakRssMb) {
    }

    record Result(int articles, int arrived, double seconds, double articlesPerSecond, double delayP50Ms,
                  double delayP95Ms, double delayP99Ms, double delayMaxMs, Map<String, ServiceUsage> services,
                  String archiveCheck, String enrichedTopicCheck, boolean exactlyOnce) {
    }

    private PipelineRun() {
    }

    static Result run(PipelineBench.Options options, LocalKafka kafka, Path work)
            throws IOException, InterruptedException {
        var plan = new SyntheticFeedServer.Plan(options.feeds(), options.articles() / options.feeds(),
                options.bytes(), options.languages(), options.rate(), options.window());
        try (Pipeline pipeline = new Pipeline(options.root(), work, kafka.bootstrapServers(), plan,
                options.interval(), options.env())) {
            pipeline.start();
            ArchiveWatcher watcher = new ArchiveWatcher(pipeline.archive());
            Instant started = Instant.now();
            Instant deadline = started.plus(options.timeout());
            Map<String, ProcessUsage.Sample> usage = new LinkedHashMap<>();
            int arrived = 0;
            long lastProgress = System.nanoTime();
            while (arrived < plan.articles() && Instant.now().isBefore(deadline)) {
                arrived = watcher.look();
                pipeline.running().forEach((name, p) -> {
                    ProcessUsage.Sample s = ProcessUsage.sample(p.handle().pid());
                    if (s != null) {
                        usage.put(name, s);
                    }
                });
                if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                    System.out.printf("  %d of %d articles in the archive%n", arrived, plan.articles());
                    lastProgress = System.nanoTime();
                }
                pipeline.assertAlive();
                Thread.sleep(20);
            }
            Instant finished = Instant.now();
            var arrivals = watcher.arrivals().values();
            Instant firstFetch = arrivals.stream().map(ArchiveWatcher.Arrival::fetchedAt).min(Instant::compareTo)
                    .orElse(started);
            Instant lastSeen = arrivals.stream().map(ArchiveWatcher.Arrival::seenAt).max(Instant::compareTo)
                    .orElse(finished);
            double seconds = Duration.between(firstFetch, lastSeen).toMillis() / 1000.0;
            double[] delays = arrivals.stream()
                    .mapToDouble(a -> Duration.between(a.fetchedAt(), a.seenAt()).toNanos() / 1e6).sorted().toArray();
            Map<String, ServiceUsage> perService = new LinkedHashMap<>();
            double wall = Duration.between(started, finished).toMillis() / 1000.0;
            usage.forEach((name, s) -> perService.put(name,
                    new ServiceUsage(s.cpuSeconds(), s.cpuSeconds() / Math.max(wall, 0.001), s.peakRssBytes() / 1e6)));
            DeliveryChecker checker = pipeline.checker();
            DeliveryReport archive = checker.checkArchive(pipeline.archive());
            DeliveryReport topic = checker.checkTopic(kafka.bootstrapServers(), pipeline.topic("enriched"));
            return new Result(plan.articles(), arrived, seconds, arrived / Math.max(seconds, 0.001),
                    percentile(delays, 50), percentile(delays, 95), percentile(delays, 99),
                    delays.length == 0 ? 0 : delays[delays.length - 1], perService, archive.summary(),
                    topic.summary(), archive.clean() && topic.clean());
        }
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

}
