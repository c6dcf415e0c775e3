package dev.newsflow.ingest;

import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.RawArticle;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One poll of one feed: conditional fetch, parse, skip what was published before, fetch the full text of the
 * rest when the feed asks for it, publish them together with the state that remembers them and the feed's
 * validators, and report the outcome to {@code news.feed-status} and the log. Never fails: a broken feed is a
 * status, and its next poll time, not a crash.
 */
final class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedFetcher fetcher;
    private final FullTextFetcher fullText;
    private final FeedParser parser;
    private final Publisher publisher;
    private final IngestStateStore state;
    private final PollSchedule schedule;
    private final PollerSettings settings;
    private final Executor workers;
    private final Clock clock;
    private final Map<String, FeedHealth> health = new ConcurrentHashMap<>();

    /** What a poll made of a feed's items: published as new or updated, unchanged, or past the cap. */
    private record Items(int fresh, int updated, int unchanged, int skipped) {
        static final Items NONE = new Items(0, 0, 0, 0);
    }

    /** Poll-to-poll counters of one feed; in memory, as a restart deserves a fresh start. */
    private record FeedHealth(int failures, int notFound) {
    }

    /**
     * @param interval     used for feeds whose entry sets none
     * @param userAgent    used for feeds whose entry sets none
     * @param deadAfter404 consecutive 404s after which a feed is reported dead
     */
    record PollerSettings(Duration interval, String userAgent, int deadAfter404) {
    }

    FeedPoller(FeedFetcher fetcher, FullTextFetcher fullText, FeedParser parser, Publisher publisher,
               IngestStateStore state, PollSchedule schedule, PollerSettings settings, Executor workers, Clock clock) {
        this.fetcher = fetcher;
        this.fullText = fullText;
        this.parser = parser;
        this.publisher = publisher;
        this.state = state;
        this.schedule = schedule;
        this.settings = settings;
        this.workers = workers;
        this.clock = clock;
    }

    /** Polls the feed once; the status says when to poll next. */
    CompletableFuture<FeedStatus> poll(FeedSource feed) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        FeedMemory memory = state.feed(feed.url());
        String address = memory.effectiveUrl() != null ? memory.effectiveUrl() : feed.url();
        FetchRequest request = new FetchRequest(URI.create(address), memory.etag(), memory.lastModified(),
                feed.headers(), userAgent(feed), feed.isLocalFile());
        return fetcher.fetch(request)
                .thenComposeAsync(result -> handle(feed, memory, result, started, t0), workers)
                .exceptionally(error -> failed(feed, unwrap(error), 0, FetchResult.NO_HEADERS, started, t0))
                .thenApply(this::report);
    }

    private CompletableFuture<FeedStatus> handle(FeedSource feed, FeedMemory memory, FetchResult result,
                                                 Instant started, long t0) {
        int http = result.status();
        if (http == 304) {
            health.remove(feed.url());
            return CompletableFuture.completedFuture(status(feed, FeedStatus.Outcome.NOT_MODIFIED, http, Items.NONE,
                    0, t0, null, 0, started, schedule.afterSuccess(started, interval(feed), null, result.headers())));
        }
        if (http == 410) {
            int failures = health.merge(feed.url(), new FeedHealth(1, 0), FeedPoller::worse).failures();
            return CompletableFuture.completedFuture(status(feed, FeedStatus.Outcome.DEAD, http, Items.NONE, 0,
                    t0, "HTTP 410 Gone: the feed was removed", failures, started, schedule.whenDead(started)));
        }
        if (http != 200) {
            return CompletableFuture.completedFuture(failed(feed, new java.io.IOException("HTTP " + http), http,
                    result.headers(), started, t0));
        }
        ParsedFeed parsed;
        try {
            parsed = parser.parse(result.body(), result.header("Content-Type"), feed.url(),
                    result.finalUri().toString(), feed.language());
        } catch (java.io.IOException e) {
            return CompletableFuture.completedFuture(failed(feed, e, http, result.headers(), started, t0));
        }
        // Claimed before any page is fetched: only articles about to be published cost a page fetch.
        List<ArticleLedger.Claim> claims = new ArrayList<>();
        for (RawArticle article : parsed.articles()) {
            state.ledger().claim(article).ifPresent(claims::add);
        }
        List<RawArticle> fresh = claims.stream().map(ArticleLedger.Claim::article).toList();
        FeedMemory after = memoryAfter(memory, result);
        CompletableFuture<List<RawArticle>> ready = feed.fullText() && !fresh.isEmpty()
                ? fullText.complete(feed, userAgent(feed), fresh) : CompletableFuture.completedFuture(fresh);
        return ready.thenCompose(articles -> publisher.publish(articles, stateRecords(feed, memory, after, claims)))
                .handle((ok, error) -> {
                    if (error != null) {
                        claims.forEach(state.ledger()::release);
                        return failed(feed, unwrap(error), http, result.headers(), started, t0);
                    }
                    remember(feed, memory, after);
                    health.remove(feed.url());
                    int updated = (int) claims.stream().filter(ArticleLedger.Claim::update).count();
                    Items items = new Items(claims.size() - updated, updated, parsed.articles().size() - claims.size(),
                            parsed.skippedItems());
                    return status(feed, FeedStatus.Outcome.OK, http, items, result.body().length, t0, null, 0,
                            started, schedule.afterSuccess(started, interval(feed), parsed.ttl(), result.headers()));
                });
    }

    private static FeedMemory memoryAfter(FeedMemory before, FetchResult result) {
        String moved = result.movedPermanently() != null ? result.movedPermanently().toString() : before.effectiveUrl();
        return new FeedMemory(result.header("ETag"), result.header("Last-Modified"), moved);
    }

    /**
     * The state records written in the same transaction as the articles: a mark per article and the feed's
     * validators. The marks fingerprint the feed's text, not the page's, so an article the feed repeats unchanged
     * is skipped, its page not fetched again.
     */
    private static Map<String, byte[]> stateRecords(FeedSource feed, FeedMemory before, FeedMemory after,
                                                    List<ArticleLedger.Claim> claims) {
        Map<String, byte[]> records = new LinkedHashMap<>();
        for (ArticleLedger.Claim claim : claims) {
            records.put(IngestStateStore.articleKey(claim.article().id()), IngestStateStore.encode(claim.mark()));
        }
        if (!after.equals(before)) {
            records.put(IngestStateStore.feedKey(feed.url()), IngestStateStore.encode(after));
        }
        return records;
    }

    /** Only once committed: validators remembered for articles that were not published would hide them (304). */
    private void remember(FeedSource feed, FeedMemory before, FeedMemory after) {
        if (!after.equals(before)) {
            state.remember(feed.url(), after);
            if (after.effectiveUrl() != null && !after.effectiveUrl().equals(before.effectiveUrl())) {
                log.info("Feed {} moved permanently to {}", feed.url(), after.effectiveUrl());
            }
        }
    }

    private FeedStatus failed(FeedSource feed, Throwable error, int http, java.net.http.HttpHeaders headers,
                              Instant started, long t0) {
        boolean notFound = http == 404;
        FeedHealth now = health.merge(feed.url(), new FeedHealth(1, notFound ? 1 : 0),
                (old, one) -> new FeedHealth(old.failures() + 1, notFound ? old.notFound() + 1 : 0));
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (notFound && now.notFound() >= settings.deadAfter404()) {
            return status(feed, FeedStatus.Outcome.DEAD, http, Items.NONE, 0, t0,
                    "HTTP 404 " + now.notFound() + " times in a row", now.failures(), started, schedule.whenDead(started));
        }
        return status(feed, FeedStatus.Outcome.ERROR, http, Items.NONE, 0, t0, message, now.failures(), started,
                schedule.afterFailure(started, interval(feed), now.failures(), headers));
    }

    private FeedStatus report(FeedStatus status) {
        MDC.put("feed", status.feedUrl());
        try {
            switch (status.outcome()) {
                case OK -> {
                    log.info("Polled {}: {} new, {} updated, {} unchanged, next at {}", status.feedUrl(),
                            status.newItems(), status.updatedItems(), status.unchangedItems(), status.nextPollAt());
                    if (status.skippedItems() > 0) {
                        log.warn("Feed {} lists {} items past the first {}, which ingest reads; those are skipped",
                                status.feedUrl(), status.skippedItems(), FeedParser.MAX_ITEMS);
                    }
                }
                case NOT_MODIFIED -> log.debug("Feed {} not modified, next at {}", status.feedUrl(), status.nextPollAt());
                case ERROR -> log.warn("Feed {} failed ({} in a row, next at {}): {}", status.feedUrl(),
                        status.consecutiveFailures(), status.nextPollAt(), status.error());
                case DEAD -> log.error("Feed {} is dead: {}; polled again at {}", status.feedUrl(), status.error(),
                        status.nextPollAt());
            }
        } finally {
            MDC.remove("feed");
        }
        publisher.publishStatus(status);
        return status;
    }

    private String userAgent(FeedSource feed) {
        return feed.userAgent() != null ? feed.userAgent() : settings.userAgent();
    }

    private Duration interval(FeedSource feed) {
        return feed.interval() != null ? feed.interval() : settings.interval();
    }

    private static FeedHealth worse(FeedHealth old, FeedHealth one) {
        return new FeedHealth(old.failures() + 1, old.notFound());
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static FeedStatus status(FeedSource feed, FeedStatus.Outcome outcome, int http, Items items, long bytes,
                                     long t0, String error, int failures, Instant started, Instant next) {
        long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        return new FeedStatus(FeedStatus.SCHEMA_VERSION, feed.url(), outcome, http, items.fresh(), items.updated(),
                items.unchanged(), items.skipped(), bytes, ms, error, failures, started, next);
    }
}
