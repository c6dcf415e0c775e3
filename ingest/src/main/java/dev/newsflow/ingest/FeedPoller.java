package dev.newsflow.ingest;

import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.RawArticle;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One poll of one feed: fetch, parse, skip what was published before, publish the rest, and report the
 * outcome to {@code news.feed-status}. Never throws: a broken feed is a status, not a crash.
 */
final class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final ArticlePublisher publisher;
    private final SeenArticles seen;
    private final Clock clock;
    private final Map<String, Integer> consecutiveFailures = new ConcurrentHashMap<>();

    FeedPoller(FeedFetcher fetcher, FeedParser parser, ArticlePublisher publisher, SeenArticles seen, Clock clock) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.publisher = publisher;
        this.seen = seen;
        this.clock = clock;
    }

    /** Polls the feed once; {@code interval} is only reported, as the time of the next poll. */
    FeedStatus poll(FeedSource feed, Duration interval) {
        MDC.put("feed", feed.url());
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        try {
            FeedFetcher.Response response = fetcher.get(URI.create(feed.url()));
            if (response.status() != 200) {
                throw new IOException(feed.url() + ": HTTP " + response.status());
            }
            List<RawArticle> articles = parser.parse(response.body(), feed.url(), feed.language());
            List<RawArticle> fresh = new ArrayList<>();
            int updated = 0;
            for (RawArticle article : articles) {
                var toPublish = seen.toPublish(article);
                if (toPublish.isPresent()) {
                    updated += seen.isUpdate(article) ? 1 : 0;
                    fresh.add(toPublish.get());
                }
            }
            publisher.publish(fresh);
            fresh.forEach(seen::published);
            consecutiveFailures.remove(feed.url());
            var status = status(feed, FeedStatus.Outcome.OK, response.status(), fresh.size() - updated, updated,
                    articles.size() - fresh.size(), response.body().length, t0, null, 0, started, interval);
            log.info("Polled {}: {} new, {} updated, {} unchanged", feed.url(), status.newItems(),
                    status.updatedItems(), status.unchangedItems());
            return report(status);
        } catch (IOException | RuntimeException e) {
            int failures = consecutiveFailures.merge(feed.url(), 1, Integer::sum);
            log.warn("Feed {} failed ({} in a row): {}", feed.url(), failures, e.getMessage());
            return report(status(feed, FeedStatus.Outcome.ERROR, 0, 0, 0, 0, 0, t0, e.getMessage(), failures,
                    started, interval));
        } finally {
            MDC.remove("feed");
        }
    }

    private FeedStatus report(FeedStatus status) {
        try {
            publisher.publishStatus(status);
        } catch (IOException e) {
            log.warn("Could not publish the status of {}: {}", status.feedUrl(), e.getMessage());
        }
        return status;
    }

    private static FeedStatus status(FeedSource feed, FeedStatus.Outcome outcome, int http, int fresh, int updated,
                                     int unchanged, long bytes, long t0, String error, int failures,
                                     Instant started, Duration interval) {
        long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        return new FeedStatus(FeedStatus.SCHEMA_VERSION, feed.url(), outcome, http, fresh, updated, unchanged, bytes,
                ms, error, failures, started, started.plus(interval));
    }
}
