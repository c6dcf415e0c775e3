package dev.newsflow.ingest;

import com.sun.net.httpserver.HttpServer;
import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.RawArticle;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: measures polling capacity against a local server of N feeds (even ones answer 304 to a
 * conditional GET, odd ones a 20-item feed), and parse throughput, on those feeds and on one shaped as the
 * pipeline bench's. Publishing is counted, not sent, so the figure is ingest's own capacity. Run (see the
 * README for the exact command):
 * {@code java -Xmx256m -cp ... dev.newsflow.ingest.PollingBenchmark 10000}
 */
public final class PollingBenchmark {

    private PollingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String items = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> Fixtures.item("Item " + i + " of FEED", "http://example.org/FEED/" + i, null,
                        "<p>Some <b>text</b> for item " + i + " that is long enough to look like a summary.</p>"))
                .reduce("", String::concat);
        String template = Fixtures.rss(items);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        ExecutorService serverPool = Executors.newFixedThreadPool(4);
        server.setExecutor(serverPool);
        server.createContext("/", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring(3));
            if (n % 2 == 0 && ex.getRequestHeaders().getFirst("If-None-Match") != null) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            byte[] body = template.replace("FEED", Integer.toString(n)).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.getResponseHeaders().set("ETag", "\"" + n + "\"");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/f/";

        AtomicLong published = new AtomicLong();
        Publisher counting = new Publisher() {
            @Override
            public CompletableFuture<Void> publish(List<RawArticle> articles, java.util.Map<String, byte[]> state) {
                published.addAndGet(articles.size());
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void publishStatus(FeedStatus status) {
            }

            @Override
            public void close() {
            }
        };
        ExecutorService http = Executors.newFixedThreadPool(2);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        FeedFetcher fetcher = new FeedFetcher(new FetchLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 10 << 20, 5),
                http);
        FeedPoller poller = new FeedPoller(fetcher,
                new FullTextFetcher(fetcher, new HostLimiter(64, 64), Duration.ofSeconds(30), workers, outcome -> { }),
                new FeedParser(Clock.systemUTC()), counting, new IngestStateStore(new ArticleLedger(500_000)),
                new PollSchedule(0.1, Duration.ofHours(6), Math::random),
                new FeedPoller.PollerSettings(Duration.ofMinutes(15), "bench", 3), workers, Clock.systemUTC());
        HostLimiter limiter = new HostLimiter(64, 64);
        List<FeedSource> list = new ArrayList<>();
        for (int i = 0; i < feeds; i++) {
            list.add(new FeedSource(base + i, null, null, null));
        }
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.newsflow"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        for (int round = 1; round <= 2; round++) {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            List<CompletableFuture<FeedStatus>> polls = new ArrayList<>(feeds);
            for (FeedSource feed : list) {
                polls.add(limiter.acquire("127.0.0.1").thenCompose(v -> poller.poll(feed))
                        .whenComplete((s, e) -> limiter.release("127.0.0.1")));
            }
            CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long ok = polls.stream().filter(p -> p.join().outcome() == FeedStatus.Outcome.OK).count();
            long notModified = polls.stream().filter(p -> p.join().outcome() == FeedStatus.Outcome.NOT_MODIFIED).count();
            System.out.printf(Locale.ROOT, "round %d: %d feeds in %.1f s = %.0f feeds/s (%d OK, %d 304, %d other), "
                            + "peak heap %d MB, articles published so far %d%n", round, feeds, seconds, feeds / seconds,
                    ok, notModified, feeds - ok - notModified, peakHeapMb(), published.get());
        }

        FeedParser parser = new FeedParser(Clock.systemUTC());
        parse("parse", parser, template.replace("FEED", "x").getBytes(StandardCharsets.UTF_8), 2000);
        parse("parse, a feed as the pipeline bench serves (400 items of 5,000 characters)", parser,
                benchShapedFeed(), 20);
        server.stop(0);
        serverPool.shutdownNow();
        http.shutdownNow();
        workers.shutdownNow();
    }

    /**
     * Articles a second on this thread, warm, and the thread's CPU an article at the best of ten rounds, and what
     * it allocated an article (the young collections a burst pays for).
     */
    private static void parse(String label, FeedParser parser, byte[] feed, int perRound) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        for (int i = 0; i < perRound; i++) {
            parser.parse(feed, "http://e/f", null);
        }
        long articles = 0;
        long t0 = System.nanoTime();
        double bestCpuMicros = Double.MAX_VALUE;
        long allocated0 = threads.getThreadAllocatedBytes(self);
        for (int round = 0; round < 10; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long roundArticles = 0;
            for (int i = 0; i < perRound; i++) {
                roundArticles += parser.parse(feed, "http://e/f", null).size();
            }
            bestCpuMicros = Math.min(bestCpuMicros, (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / roundArticles);
            articles += roundArticles;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double allocatedKb = (threads.getThreadAllocatedBytes(self) - allocated0) / 1024.0 / articles;
        System.out.printf(Locale.ROOT,
                "%s: %d articles in %.1f s = %.0f articles/s, best round %.1f µs of CPU an article, %.1f KB allocated"
                        + " an article%n", label, articles, seconds, articles / seconds, bestCpuMicros, allocatedKb);
    }

    /** French prose with its typographic apostrophes, as the bench's synthetic feeds write it. */
    private static byte[] benchShapedFeed() {
        String[] words = ("la gouvernance de l’intelligence artificielle à Shanghai coopération mondiale au sommet"
                + " de l’APEC").split(" ");
        java.util.Random random = new java.util.Random(1);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 5_000) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(12) == 0 ? ". " : " ");
            }
            items.append(Fixtures.item("Titre " + i, "https://bench.example/a/" + i, null, text.toString().strip()));
        }
        return Fixtures.rss(items.toString()).getBytes(StandardCharsets.UTF_8);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
