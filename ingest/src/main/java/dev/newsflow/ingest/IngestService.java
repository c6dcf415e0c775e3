package dev.newsflow.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every feed of the list on its own schedule and publishes what is new. A slow or broken feed
 * holds one worker for at most one fetch deadline, and never stops the others.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final int WORKERS = 4;

    private final IngestConfig config;
    private final List<FeedSource> feeds;
    private final ArticlePublisher publisher;
    private final FeedPoller poller;
    private final ScheduledExecutorService scheduler;

    public IngestService(IngestConfig config, List<FeedSource> feeds, Clock clock) {
        this.config = config;
        this.feeds = List.copyOf(feeds);
        this.publisher = new ArticlePublisher(config.kafka().clientProperties(), config.kafka().topics(), clock);
        this.poller = new FeedPoller(new FeedFetcher(config.fetchTimeout(), config.maxFeedBytes(), config.userAgent()),
                new FeedParser(clock), publisher, new SeenArticles(), clock);
        this.scheduler = Executors.newScheduledThreadPool(WORKERS, runnable -> {
            Thread t = new Thread(runnable, "feed-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /** Schedules every feed, the first poll at once. */
    public void start() {
        for (FeedSource feed : feeds) {
            Duration interval = feed.interval() != null ? feed.interval() : config.pollInterval();
            scheduler.scheduleWithFixedDelay(() -> poller.poll(feed, interval), 0, interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        log.info("Polling {} feeds", feeds.size());
    }

    /** Stops polling, lets a poll in progress finish its sends, and closes the producer. Idempotent. */
    public void stop() {
        if (scheduler.isShutdown()) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("A feed poll did not finish within 30 s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }

    @Override
    public void close() {
        stop();
    }
}
