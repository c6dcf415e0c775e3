package dev.newsflow.bench;

import dev.newsflow.kafkalocal.LocalKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/** One run of ingest, enrich and sink on synthetic feeds, watched from the outside. */
final class PipelineRun {

    /**
     * @param compilerCpuSeconds of {@code cpuSeconds}, what the JIT compiler threads took: the part of the
     *                           measured window still spent on warming up, which a long-running service no
     *                           longer pays (near 0 when the warm-up was long enough)
     */
    record ServiceUsage(double cpuSeconds, double averageCores, double peakRssMb, double compilerCpuSeconds) {
    }

    record Result(int articles, int arrived, double seconds, double articlesPerSecond, double delayP50Ms,
                  double delayP95Ms, double delayP99Ms, double delayMaxMs, Map<String, ServiceUsage> services,
                  Map<String, ServiceUsage> alongside, String archiveCheck, String enrichedTopicCheck,
                  boolean exactlyOnce, int neverServed, Map<String, Long> offsetsPerTopic,
                  int[] arrivedPerSecond) {
    }

    /** Nothing new in the archive for this long: what is missing is not coming, and the check says so. */
    private static final Duration STALLED = Duration.ofSeconds(60);

    /** The services' compilers taking less than this share of a core together have caught up with the warm-up. */
    private static final double QUIET_CORES = 0.02;

    /** HotSpot's names for its JIT compiler threads, as Linux shows them (cut to 15 characters). */
    private static final Pattern COMPILER_THREAD = Pattern.compile("C[12] Compiler.*");

    /**
     * How often ingest polls a warm-up feed. Each shows all of its articles from the start, so its first poll
     * takes them; after that it only answers 304. At the measured feeds' second, the 500 warm-up feeds of a
     * 200,000-article warm-up made ingest and this harness trade five 304s a second for every measured feed
     * throughout the measured window: load that belongs to no article measured.
     */
    private static final String WARM_FEEDS_INTERVAL = "30s";

    /**
     * How often the services' CPU and memory are read while the archive is watched, and once more at the end.
     * Both are running totals in /proc (the memory a high-water mark), so reading them more often adds nothing
     * but this harness's own CPU: read at every look at the archive (every 20 ms), they took a tenth of it.
     */
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);

    /**
     * How long the pipeline idles between the warm-up and the release. Code run once a poll or once a Kafka
     * request (the HTTP client's exchange, the producer's request path, ingest's transaction committer) reaches
     * HotSpot's second compiler only after thousands of calls, which the measured feeds' polls in a quiet
     * minute add; the warm-up's own burst had not got it there. Without the pause it compiled while measured
     * (ingest's compilers 0.019 to 0.059 ms an article in five runs, against 0.009 to 0.021 in seven with it).
     */
    private static final Duration IDLE_AFTER_WARMUP = Duration.ofSeconds(60);

    /** The longest wait for the compilers after the warm-up, as a noisy machine may never let them finish. */
    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(30);

    private PipelineRun() {
    }

    static Result run(PipelineBench.Options options, LocalKafka kafka, Path work)
            throws IOException, InterruptedException {
        var plan = new SyntheticFeedServer.Plan(options.feeds(), options.articles() / options.feeds(),
                options.bytes(), options.languages(), options.rate(), options.window(), !options.detectLanguage(),
                options.html());
        // As many feeds as the measured articles', or more so that each shows all of its articles at once, as a
        // burst's must: past its window a feed's items scroll out unseen (ingest reads at most 1,000 of a feed).
        int warmFeeds = Math.max(options.feeds(), -Math.floorDiv(-options.warmup(), options.window()));
        int warmPerFeed = options.warmup() / warmFeeds;
        SyntheticFeedServer warm = warmPerFeed == 0 ? null : new SyntheticFeedServer(new SyntheticFeedServer.Plan(
                warmFeeds, warmPerFeed, options.bytes(), options.languages(), 0, warmPerFeed,
                !options.detectLanguage(), options.html()), "warmup.newsflow.dev");
        try (warm; Pipeline pipeline = new Pipeline(options.root(), work, kafka.bootstrapServers(), plan,
                options.interval(), options.env())) {
            pipeline.feedServer().hold();
            if (warm != null) {
                pipeline.addFeeds(warm.feedUrls(), WARM_FEEDS_INTERVAL);
            }
            pipeline.start();
            ArchiveWatcher watcher = new ArchiveWatcher(pipeline.archive());
            // The broker and this harness share the cores with the services: what they take is reported too.
            Map<String, Long> alongside = Map.of("broker", kafka.pid(), "harness", ProcessHandle.current().pid());
            Map<String, ProcessUsage.Sample> usage = new LinkedHashMap<>();
            int warmed = warm == null ? 0 : watch(pipeline, alongside, watcher, usage, 0, warm.plannedKeys().size(),
                    options, "warm-up");
            if (warm != null) {
                settle(pipeline);
                sample(pipeline, alongside, usage);
            }
            Map<String, ProcessUsage.Sample> atRelease = new LinkedHashMap<>(usage);
            Map<String, Double> compilersAtRelease = compilerCpuSeconds(pipeline, alongside);
            Instant started = Instant.now();
            pipeline.feedServer().release();
            int arrived = watch(pipeline, alongside, watcher, usage, warmed, plan.articles(), options, "measured");
            Instant finished = Instant.now();
            Map<String, Double> compilersAtEnd = compilerCpuSeconds(pipeline, alongside);

            Set<String> measured = pipeline.feedServer().plannedKeys();
            var arrivals = watcher.arrivals().entrySet().stream().filter(e -> measured.contains(e.getKey()))
                    .map(Map.Entry::getValue).toList();
            Instant firstFetch = arrivals.stream().map(ArchiveWatcher.Arrival::fetchedAt).min(Instant::compareTo)
                    .orElse(started);
            Instant lastSeen = arrivals.stream().map(ArchiveWatcher.Arrival::seenAt).max(Instant::compareTo)
                    .orElse(finished);
            double seconds = Duration.between(firstFetch, lastSeen).toMillis() / 1000.0;
            double[] delays = arrivals.stream()
                    .mapToDouble(a -> Duration.between(a.fetchedAt(), a.seenAt()).toNanos() / 1e6).sorted().toArray();
            Map<String, ServiceUsage> perService = new LinkedHashMap<>();
            Map<String, ServiceUsage> others = new LinkedHashMap<>();
            double wall = Duration.between(started, finished).toMillis() / 1000.0;
            usage.forEach((name, s) -> {
                double cpu = s.cpuSeconds() - (atRelease.containsKey(name) ? atRelease.get(name).cpuSeconds() : 0);
                double compilers = compilersAtEnd.getOrDefault(name, 0.0) - compilersAtRelease.getOrDefault(name, 0.0);
                (alongside.containsKey(name) ? others : perService).put(name,
                        new ServiceUsage(cpu, cpu / Math.max(wall, 0.001), s.peakRssBytes() / 1e6, compilers));
            });
            // Checked against what the feeds served: an item that scrolled out of its feed before any poll saw it
            // is the source's loss, counted apart, not the pipeline's.
            Set<String> expected = new HashSet<>(pipeline.feedServer().servedKeys());
            int planned = measured.size();
            if (warm != null) {
                expected.addAll(warm.servedKeys());
                planned += warm.plannedKeys().size();
            }
            int neverServed = planned - expected.size();
            if (neverServed > 0) {
                System.out.printf("  %d planned articles scrolled out of their feeds before any poll saw them%n",
                        neverServed);
            }
            DeliveryChecker checker = new DeliveryChecker(expected);
            DeliveryReport archive = checker.checkArchive(pipeline.archive());
            DeliveryReport topic = checker.checkTopic(kafka.bootstrapServers(), pipeline.topic("enriched"));
            return new Result(plan.articles(), arrived, seconds, arrived / Math.max(seconds, 0.001),
                    percentile(delays, 50), percentile(delays, 95), percentile(delays, 99),
                    delays.length == 0 ? 0 : delays[delays.length - 1], perService, others, archive.summary(),
                    topic.summary(), archive.clean() && topic.clean(), neverServed, volumes(kafka),
                    perSecond(arrivals, firstFetch));
        }
    }

    /**
     * Watches the archive until {@code expected} more articles than {@code before} have arrived, or nothing
     * new came for {@link #STALLED}, sampling the CPU and memory of each service and of the processes
     * {@code alongside} into {@code usage} meanwhile.
     *
     * @return how many of the expected arrived
     */
    private static int watch(Pipeline pipeline, Map<String, Long> alongside, ArchiveWatcher watcher,
                             Map<String, ProcessUsage.Sample> usage, int before, int expected,
                             PipelineBench.Options options, String phase)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(options.timeout());
        int arrived = 0;
        long lastProgress = System.nanoTime();
        long lastArrival = System.nanoTime();
        long lastSample = System.nanoTime();
        while (arrived < expected && Instant.now().isBefore(deadline)
                && System.nanoTime() - lastArrival < STALLED.toNanos()) {
            int now = watcher.look() - before;
            if (now > arrived) {
                lastArrival = System.nanoTime();
            }
            arrived = now;
            if (System.nanoTime() - lastSample > SAMPLE_EVERY.toNanos()) {
                sample(pipeline, alongside, usage);
                lastSample = System.nanoTime();
            }
            if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                System.out.printf("  %s: %d of %d articles in the archive%n", phase, arrived, expected);
                lastProgress = System.nanoTime();
            }
            pipeline.assertAlive();
            Thread.sleep(20);
        }
        sample(pipeline, alongside, usage);
        return arrived;
    }

    private static void sample(Pipeline pipeline, Map<String, Long> alongside,
                               Map<String, ProcessUsage.Sample> usage) {
        Map<String, Long> pids = new LinkedHashMap<>(alongside);
        pipeline.running().forEach((name, p) -> pids.put(name, p.handle().pid()));
        pids.forEach((name, pid) -> {
            ProcessUsage.Sample s = ProcessUsage.sample(pid);
            if (s != null) {
                usage.put(name, s);
            }
        });
    }

    /**
     * Lets the pipeline idle for {@link #IDLE_AFTER_WARMUP}, its feeds polled as usual, then waits until the
     * services' JIT compilers are idle: they are still working through the code the warm-up made hot when its
     * last article lands. Released at once, the measured articles would pay for that compiling, which a
     * long-running deployment has long done.
     */
    private static void settle(Pipeline pipeline) throws InterruptedException {
        Thread.sleep(IDLE_AFTER_WARMUP.toMillis());
        long start = System.nanoTime();
        double before = compilerCpuSeconds(pipeline);
        while (System.nanoTime() - start < SETTLE_AT_MOST.toNanos()) {
            Thread.sleep(1000);
            double now = compilerCpuSeconds(pipeline);
            if (now - before < QUIET_CORES) {
                break;
            }
            before = now;
        }
        System.out.printf("  settled: compilers idle %.1f s after a %d s pause%n", (System.nanoTime() - start) / 1e9,
                IDLE_AFTER_WARMUP.toSeconds());
    }

    private static double compilerCpuSeconds(Pipeline pipeline) {
        return compilerCpuSeconds(pipeline, Map.of()).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The JIT compiler threads' CPU seconds so far, by service and by process {@code alongside}. */
    private static Map<String, Double> compilerCpuSeconds(Pipeline pipeline, Map<String, Long> alongside) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pipeline.running().forEach((name, p) ->
                cpu.put(name, ProcessUsage.threadsCpuSeconds(p.handle().pid(), COMPILER_THREAD)));
        alongside.forEach((name, pid) -> cpu.put(name, ProcessUsage.threadsCpuSeconds(pid, COMPILER_THREAD)));
        return cpu;
    }

    private static Map<String, Long> volumes(LocalKafka kafka) throws InterruptedException {
        try {
            return TopicVolumes.of(kafka.bootstrapServers());
        } catch (ExecutionException e) {
            System.out.println("  could not count the topics' records: " + e.getCause());
            return Map.of();
        }
    }

    /**
     * How many of {@code arrivals} reached the archive in each second after {@code start}: the run's fill, its
     * pace and its drain, which one figure for the whole run hides.
     */
    static int[] perSecond(List<ArchiveWatcher.Arrival> arrivals, Instant start) {
        int[] counts = new int[0];
        for (ArchiveWatcher.Arrival arrival : arrivals) {
            int second = (int) Math.max(0, Duration.between(start, arrival.seenAt()).toSeconds());
            if (second >= counts.length) {
                counts = Arrays.copyOf(counts, second + 1);
            }
            counts[second]++;
        }
        return counts;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

}
