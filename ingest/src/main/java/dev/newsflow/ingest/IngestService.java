package dev.newsflow.ingest;

import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.ops.DaemonThreads;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every feed of the list on its own schedule. One timer thread wakes feeds when due; fetches run
 * on the HTTP client's async API under a per-host and a total limit; a few workers parse and publish. So
 * thousands of feeds cost a handful of threads, and a slow or broken feed holds one slot for at most one
 * fetch deadline, never the others. Two-method contract: {@link #start()}, {@link #stop()}.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final Duration STATE_READ_TIMEOUT = Duration.ofSeconds(60);

    private final IngestConfig config;
    private final List<FeedSource> feeds;
    private final Clock clock;
    private final ArticlePublisher kafka;
    private final Publisher publisher;
    private final MeterRegistry registry;
    private final ScheduledExecutorService timer;
    private final ExecutorService http;
    private final ExecutorService workers;
    private final HostLimiter limiter;
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Set when publishing stopped for good: no poll is started any more. */
    private final AtomicBoolean halted = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile FeedPoller poller;

    public IngestService(IngestConfig config, List<FeedSource> feeds, Clock clock) {
        this(config, feeds, clock, new SimpleMeterRegistry());
    }

    /** @param registry where ingest's counters and its producer's metrics go */
    public IngestService(IngestConfig config, List<FeedSource> feeds, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.feeds = List.copyOf(feeds);
        this.clock = clock;
        this.kafka = new ArticlePublisher(config.kafka().clientProperties(), config.kafka().topics(),
                config.transactionalId(), clock);
        kafka.bindMetrics(registry);
        this.publisher = new MeteredPublisher(kafka, registry);
        this.registry = registry;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ingest-timer"));
        this.http = Executors.newFixedThreadPool(2, DaemonThreads.numbered("ingest-http"));
        this.workers = Executors.newFixedThreadPool(config.workers(), DaemonThreads.numbered("ingest-worker"));
        this.limiter = new HostLimiter(config.perHostConcurrency(), config.maxInFlight());
    }

    /** True once the state is rebuilt and feeds are scheduled, until stopped: for {@code /ready}. */
    public boolean isPolling() {
        return poller != null && !stopped.get() && !halted.get();
    }

    /**
     * Completes with the cause when ingest can no longer publish (another instance took its transactional id):
     * polling has stopped and the process should end. Never completes on a normal run.
     */
    public CompletableFuture<Throwable> fatalError() {
        return kafka.fatalError();
    }

    /**
     * Claims the transactional id, rebuilds the state from Kafka, then schedules every feed, the first poll at once.
     *
     * @throws IOException when Kafka refuses the transactional id or the state topic cannot be read: starting
     *                     without the state would republish
     */
    public void start() throws IOException {
        // First: claiming the id settles a previous instance's open transaction, so the state read next holds
        // everything it committed, and nothing it did not.
        kafka.start();
        kafka.fatalError().thenRun(() -> halted.set(true));
        IngestStateStore state = IngestStateStore.rebuild(config.kafka().clientProperties(), config.kafka().topics(),
                config.stateCapacity(), STATE_READ_TIMEOUT);
        PollSchedule schedule = new PollSchedule(config.jitterPercent() / 100.0, config.backoffCeiling(),
                () -> ThreadLocalRandom.current().nextDouble());
        FeedFetcher fetcher = new FeedFetcher(config.fetchLimits(), http);
        FullTextFetcher fullText = new FullTextFetcher(fetcher, new HostLimiter(config.perHostConcurrency(),
                config.maxInFlight()), config.fetchTimeout(), workers, FullTextFetcher.counting(registry));
        poller = new FeedPoller(fetcher, fullText, new FeedParser(clock), publisher, state, schedule,
                new FeedPoller.PollerSettings(config.pollInterval(), config.userAgent(), config.deadAfter404s()),
                workers, clock);
        feeds.forEach(feed -> schedule(feed, clock.instant()));
        log.info("Polling {} feeds", feeds.size());
    }

    private void schedule(FeedSource feed, Instant at) {
        if (stopped.get() || halted.get()) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        try {
            timer.schedule(() -> pollOnce(feed), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    private void pollOnce(FeedSource feed) {
        String host = HostLimiter.host(feed.url());
        inFlight.incrementAndGet();
        limiter.acquire(host)
                .thenCompose(turn -> stopped.get() || halted.get() ? CompletableFuture.<FeedStatus>completedFuture(null)
                        : poller.poll(feed))
                .whenComplete((status, error) -> {
                    limiter.release(host);
                    if (inFlight.decrementAndGet() == 0) {
                        synchronized (inFlight) {
                            inFlight.notifyAll();
                        }
                    }
                    if (error != null) {
                        log.error("Polling {} failed unexpectedly; retrying after the interval", feed.url(), error);
                    }
                    Instant next = status != null ? status.nextPollAt()
                            : clock.instant().plus(feed.interval() != null ? feed.interval() : config.pollInterval());
                    schedule(feed, next);
                });
    }

    /** Stops polling, lets polls in progress finish their sends, and closes the producer. Idempotent. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        timer.shutdownNow();
        long deadline = System.nanoTime() + config.fetchTimeout().plusSeconds(10).toNanos();
        synchronized (inFlight) {
            long left;
            while (inFlight.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    inFlight.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (inFlight.get() > 0) {
            log.warn("{} feed polls did not finish before shutdown", inFlight.get());
        }
        workers.shutdown();
        http.shutdown();
        publisher.close();
    }

    @Override
    public void close() {
        stop();
    }
}
