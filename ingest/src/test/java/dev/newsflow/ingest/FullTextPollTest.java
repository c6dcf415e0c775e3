package dev.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.RawArticle;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Full-text fetch of article pages, on real sockets: what is published, and what a bad page cannot do. */
class FullTextPollTest {

    private static final String RSS = "application/rss+xml";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String TEASER = "A plant for car chips is being built near Dresden.";
    private static final Duration DEADLINE = Duration.ofMillis(1500);

    private final FeedFixtureServer server = new FeedFixtureServer();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final List<FullTextFetcher.Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final FeedPoller poller = FeedPollerTest.poller(
            new FetchLimits(Duration.ofSeconds(1), DEADLINE, 64 * 1024, FetchLimits.MAX_REDIRECTS), publisher,
            new IngestStateStore(new ArticleLedger(1000)), pool, outcomes::add);

    @AfterEach
    void close() {
        server.close();
        pool.shutdownNow();
    }

    /** A feed with one item whose link is {@code pagePath} on the fixture server. */
    private FeedSource feed(String pagePath, boolean fullText) {
        String url = server.serve("/feed.xml", RSS, Fixtures.rss(Fixtures.item("Chip plant", server.url(pagePath),
                null, TEASER)));
        return new FeedSource(url, null, null, null, true, Map.of("X-Token", "abc"), "FeedBot/2", fullText);
    }

    private RawArticle pollOnce(FeedSource feed) {
        FeedStatus status = poller.poll(feed).join();
        assertEquals(FeedStatus.Outcome.OK, status.outcome(), status.error());
        assertEquals(1, publisher.articles.size());
        return publisher.articles.get(0);
    }

    @Test
    void publishesThePageBodyWithoutItsNoiseInPlaceOfTheFeedsTeaser() {
        server.serve("/chip-plant", HTML, Fixtures.page("chip-plant.html"), Map.of());
        RawArticle article = pollOnce(feed("/chip-plant", true));

        assertTrue(article.content().startsWith("Construction of a new semiconductor plant"), article.content());
        assertFalse(article.content().contains("Most read"), article.content());
        assertFalse(article.content().contains("Share on X"), article.content());
        assertTrue(article.contentHtml().contains("<p>"), article.contentHtml());
        assertTrue(article.contentHtml().contains("href=\"" + server.url("/water") + "\""), "links made absolute");
        assertFalse(article.contentHtml().contains("<script"), article.contentHtml());
        assertFalse(article.contentHtml().contains("tracking"), article.contentHtml());
        assertEquals(TEASER, article.summary(), "the feed's summary stays");
        assertEquals(List.of(FullTextFetcher.Outcome.REPLACED), outcomes);

        var sent = server.requests("/chip-plant").get(0).headers();
        assertEquals("FeedBot/2", sent.get("user-agent"));
        assertEquals("abc", sent.get("x-token"), "the feed's headers go to its own host");
        assertTrue(sent.get("accept").startsWith("text/html"), sent.get("accept"));
    }

    @Test
    void neverRequestsAPageWhenFullTextIsOff() {
        server.serve("/chip-plant", HTML, Fixtures.page("chip-plant.html"), Map.of());
        RawArticle article = pollOnce(feed("/chip-plant", false));
        assertEquals(TEASER, article.summary());
        assertNull(article.contentHtml(), "a plain-text teaser has no HTML copy");
        assertTrue(server.requests("/chip-plant").isEmpty());
        assertTrue(outcomes.isEmpty());
    }

    @Test
    void doesNotFetchThePageOfAnArticleAlreadyPublishedUnchanged() {
        server.serve("/chip-plant", HTML, Fixtures.page("chip-plant.html"), Map.of());
        FeedSource feed = feed("/chip-plant", true);
        pollOnce(feed);
        FeedStatus again = poller.poll(feed).join();
        assertEquals(1, again.unchangedItems(), "the mark fingerprints the feed's text, not the page's");
        assertEquals(1, publisher.articles.size());
        assertEquals(1, server.requests("/chip-plant").size());
    }

    @Test
    void keepsTheFeedTextWhenThePageIsMissing() {
        assertFeedTextKept(feed("/missing", true));
        assertEquals(List.of(FullTextFetcher.Outcome.FAILED), outcomes);
    }

    @Test
    void keepsTheFeedTextWhenThePageIsNotHtml() {
        server.serve("/report.pdf", "application/pdf", "%PDF-1.7 not a page");
        assertFeedTextKept(feed("/report.pdf", true));
        assertEquals(List.of(FullTextFetcher.Outcome.FAILED), outcomes);
    }

    @Test
    void keepsTheFeedTextWhenThePageIsOverTheBodyCap() {
        server.serve("/huge", HTML, "<p>x</p>".repeat(20_000));
        assertFeedTextKept(feed("/huge", true));
        assertEquals(List.of(FullTextFetcher.Outcome.FAILED), outcomes);
    }

    @Test
    void publishesWithTheFeedTextWithinTheDeadlineWhenThePageDrips() {
        server.drip("/drip", 100);
        FeedStatus status = assertFeedTextKept(feed("/drip", true));
        assertTrue(status.durationMs() < DEADLINE.multipliedBy(2).toMillis(), status.durationMs() + " ms");
        // The poll's deadline for pages starts a moment before the page fetch's own: either may say so first.
        assertEquals(1, outcomes.size());
        assertTrue(outcomes.get(0) == FullTextFetcher.Outcome.TIMED_OUT
                || outcomes.get(0) == FullTextFetcher.Outcome.FAILED, outcomes.toString());
    }

    @Test
    void keepsTheFeedTextWhenThePageSaysNoMore() {
        server.serve("/same", HTML, "<html><body><article><p>" + TEASER + "</p></article></body></html>");
        assertFeedTextKept(feed("/same", true));
        assertEquals(List.of(FullTextFetcher.Outcome.KEPT_FEED_TEXT), outcomes);
    }

    @Test
    void readsAPageInTheCharsetItsMetaDeclares() {
        server.serve("/ia", "text/html", Fixtures.page("ia-shanghai.html"), Map.of());
        RawArticle article = pollOnce(feed("/ia", true));
        assertTrue(article.content().contains("aurait son siège à Shanghai"), article.content());
    }

    @Test
    void readsAPageInTheCharsetItsHeaderDeclares() {
        String page = "<html><body><article><p>" + "Une organisation mondiale de coopération sur l’IA. ".repeat(5)
                + "</p></article></body></html>";
        server.serve("/cp1252", "text/html; charset=windows-1252", page.getBytes(Charset.forName("windows-1252")),
                Map.of());
        RawArticle article = pollOnce(feed("/cp1252", true));
        assertTrue(article.content().startsWith("Une organisation mondiale de coopération sur l’IA."), article.content());
    }

    /** The feed gives a plain-text description only: the teaser is the article's summary, its content empty. */
    private FeedStatus assertFeedTextKept(FeedSource feed) {
        FeedStatus status = poller.poll(feed).join();
        assertEquals(FeedStatus.Outcome.OK, status.outcome(), "a page never fails its feed: " + status.error());
        assertEquals(1, publisher.articles.size(), "the article is published all the same");
        RawArticle article = publisher.articles.get(0);
        assertEquals(TEASER, article.summary());
        assertNull(article.contentHtml());
        assertEquals("", article.content());
        return status;
    }
}
