package dev.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.RawArticle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedPollerTest {

    private static final String RSS = "application/rss+xml";
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private final FeedFixtureServer server = new FeedFixtureServer();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final IngestStateStore state = new IngestStateStore(new ArticleLedger(1000));
    private final FeedPoller poller = poller(new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, 5),
            publisher, state, pool, outcome -> { });

    /** A poller as the service builds one, fetching on real sockets, publishing to {@code publisher}. */
    static FeedPoller poller(FetchLimits limits, Publisher publisher, IngestStateStore state, ExecutorService pool,
                             Consumer<FullTextFetcher.Outcome> outcomes) {
        FeedFetcher fetcher = new FeedFetcher(limits, pool);
        return new FeedPoller(fetcher, new FullTextFetcher(fetcher, new HostLimiter(2, 16), limits.deadline(), pool,
                outcomes), new FeedParser(Clock.systemUTC()), publisher, state,
                new PollSchedule(0, Duration.ofHours(6), () -> 0.5), new FeedPoller.PollerSettings(INTERVAL, "test", 3),
                pool, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        server.close();
        pool.shutdownNow();
    }

    private FeedStatus poll(String url) {
        return poller.poll(new FeedSource(url, null, null, null)).join();
    }

    @Test
    void publishesADuplicatedGuidOnce() {
        String item = Fixtures.item("Same", null, "guid-1", "text");
        String url = server.serve("/dup.xml", RSS, Fixtures.rss(item + item));
        FeedStatus status = poll(url);
        assertEquals(1, publisher.articles.size());
        assertEquals(1, status.newItems());
        assertEquals(1, status.unchangedItems());
    }

    @Test
    void skipsAnArticleSeenBeforeAndPublishesAnEditAsTheNextVersion() {
        String url = server.serve("/e.xml", RSS, Fixtures.rss(Fixtures.item("Title", "http://example.org/e/1", null, "v1")));
        poll(url);
        assertEquals(FeedStatus.Outcome.OK, poll(url).outcome());
        assertEquals(1, publisher.articles.size(), "unchanged: not republished");
        server.serve("/e.xml", RSS, Fixtures.rss(Fixtures.item("Title", "http://example.org/e/1", null, "v2 edited")));
        FeedStatus edited = poll(url);
        assertEquals(1, edited.updatedItems());
        RawArticle v2 = publisher.articles.get(1);
        assertEquals(publisher.articles.get(0).id(), v2.id());
        assertEquals(2, v2.version());
    }

    @Test
    void saysInItsStatusAndMetricsHowManyItemsAFeedListedPastTheCap() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < FeedParser.MAX_ITEMS + 3; i++) {
            items.append(Fixtures.item("Item " + i, "http://example.org/many/" + i, null, "text " + i));
        }
        String url = server.serve("/many.xml", RSS, Fixtures.rss(items.toString()));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FeedPoller metered = poller(new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 22, 5),
                new MeteredPublisher(publisher, registry), state, pool, outcome -> { });

        FeedStatus status = metered.poll(new FeedSource(url, null, null, null)).join();

        assertEquals(FeedStatus.Outcome.OK, status.outcome());
        assertEquals(FeedParser.MAX_ITEMS, status.newItems());
        assertEquals(3, status.skippedItems());
        assertEquals("Item 0", publisher.articles.get(0).title());
        assertEquals(3.0, registry.get("newsflow.feed.items.skipped").counter().count());
    }

    @Test
    void publishesTheSameArticleFromTwoFeedsOnce() {
        String a = server.serve("/a.xml", RSS, Fixtures.rss(Fixtures.item("Shared", "http://example.org/s?utm_source=a", null, "x")));
        String b = server.serve("/b.xml", RSS, Fixtures.rss(Fixtures.item("Shared", "http://EXAMPLE.org:80/s?fbclid=z#top", null, "x")));
        poll(a);
        poll(b);
        assertEquals(1, publisher.articles.size());
    }

    @Test
    void answersNotModifiedWithTheStoredValidators() {
        String url = server.serveConditional("/c.xml", RSS, Fixtures.rss(Fixtures.item("t", "http://example.org/c", null, "d")),
                "\"e1\"", "Tue, 24 Nov 2026 10:00:00 GMT");
        assertEquals(FeedStatus.Outcome.OK, poll(url).outcome());
        assertEquals(FeedStatus.Outcome.NOT_MODIFIED, poll(url).outcome());
        assertTrue(publisher.state.containsKey(IngestStateStore.feedKey(url)));
    }

    @Test
    void retriesAnArticleAndRefetchesTheFeedAfterAFailedPublication() {
        String url = server.serveConditional("/f.xml", RSS, Fixtures.rss(Fixtures.item("t", "http://example.org/f", null,
                "d")), "\"e1\"", "Tue, 24 Nov 2026 10:00:00 GMT");
        publisher.failNext.set(1);
        assertEquals(FeedStatus.Outcome.ERROR, poll(url).outcome());
        FeedStatus retried = poll(url);
        assertEquals(FeedStatus.Outcome.OK, retried.outcome(), "validators of an unpublished poll are not kept");
        assertEquals(1, retried.newItems(), "the failed claim was released");
        assertEquals(1, publisher.articles.size());
        assertEquals(null, server.requests("/f.xml").get(1).headers().get("if-none-match"));
        assertTrue(publisher.state.containsKey(IngestStateStore.articleKey(publisher.articles.get(0).id())));
    }

    @Test
    void waitsForRetryAfterOnTooManyRequests() {
        String url = server.status("/429.xml", 429, Map.of("Retry-After", "7200"));
        FeedStatus status = poll(url);
        assertEquals(FeedStatus.Outcome.ERROR, status.outcome());
        assertEquals(429, status.httpStatus());
        assertEquals(Duration.ofHours(2), Duration.between(status.polledAt(), status.nextPollAt()));
    }

    @Test
    void backsOffOnRepeatedFailuresAndRecoversOnTheFirstSuccess() {
        String url = server.status("/500.xml", 500, Map.of());
        poll(url);
        FeedStatus second = poll(url);
        assertEquals(2, second.consecutiveFailures());
        assertEquals(INTERVAL.multipliedBy(2), Duration.between(second.polledAt(), second.nextPollAt()));
        server.serve("/500.xml", RSS, Fixtures.rss(""));
        FeedStatus ok = poll(url);
        assertEquals(0, ok.consecutiveFailures());
        assertEquals(INTERVAL, Duration.between(ok.polledAt(), ok.nextPollAt()));
    }

    @Test
    void marksAGoneFeedDeadAndARepeatedNotFoundDeadVisibly() {
        assertEquals(FeedStatus.Outcome.DEAD, poll(server.status("/gone.xml", 410, Map.of())).outcome());
        String missing = server.url("/missing.xml");
        assertEquals(FeedStatus.Outcome.ERROR, poll(missing).outcome());
        assertEquals(FeedStatus.Outcome.ERROR, poll(missing).outcome());
        FeedStatus dead = poll(missing);
        assertEquals(FeedStatus.Outcome.DEAD, dead.outcome());
        assertEquals(Duration.ofHours(6), Duration.between(dead.polledAt(), dead.nextPollAt()), "still polled, rarely");
        assertEquals(4, publisher.statuses.size(), "every poll reported");
    }

    @Test
    void pollsTheNewAddressAfterAPermanentMove() {
        server.serve("/moved.xml", RSS, Fixtures.rss(""));
        String old = server.redirect("/orig.xml", 301, "/moved.xml");
        poll(old);
        poll(old);
        assertEquals(1, server.requests("/orig.xml").size());
        assertEquals(2, server.requests("/moved.xml").size());
    }

    @Test
    void reportsAnUnreadableFeedAsAnErrorWithTheReason() {
        FeedStatus status = poll(server.serve("/html", "text/html", "<html>no feed</html>"));
        assertEquals(FeedStatus.Outcome.ERROR, status.outcome());
        assertTrue(status.error().contains("not a readable"), status.error());
    }
}
