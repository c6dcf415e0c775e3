package dev.newsflow.ingest;

import dev.newsflow.core.RawArticle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For feeds with {@code fullText} on: fetches the page of each article about to be published and, when the
 * page's main text ({@link MainText}) says substantially more than the feed did, publishes that instead,
 * cleaned by {@link Text} like the feed's own HTML. Pages are fetched by the feed fetcher, so under the same
 * limits (connect timeout, deadline, body cap after decompression, 5 redirects, http and https only).
 *
 * <p>Never fails, and never holds an article longer than one fetch deadline: a page that errs, times out, is
 * too big or is not HTML leaves the article with the feed's text, which is logged and counted.
 */
final class FullTextFetcher {

    private static final Logger log = LoggerFactory.getLogger(FullTextFetcher.class);

    /** Page text must be this many times the feed's text (and at least {@link MainText#MIN_TEXT}) to replace it. */
    static final double SUBSTANTIALLY_MORE = 1.5;

    /** What became of one article's page; counted on {@code /metrics}. */
    enum Outcome {
        /** The page's text replaced the feed's. */
        REPLACED,
        /** The page was read but said no more than the feed. */
        KEPT_FEED_TEXT,
        /** The fetch failed or the page was unusable (HTTP error, too big, not HTML). */
        FAILED,
        /** No page within the deadline, waiting for a turn included. */
        TIMED_OUT
    }

    private final FeedFetcher fetcher;
    private final HostLimiter pages;
    private final Duration deadline;
    private final Executor workers;
    private final Consumer<Outcome> outcomes;

    /**
     * @param pages    the per-host and total limit for page fetches. Its own, not the feeds' limiter: a poll holds
     *                 its feed's slot until it has published, so its pages on the same host, waiting for slots of
     *                 that same limiter, could wait for themselves
     * @param deadline how long all the pages of one poll may take, waiting for turns included: the fetch deadline
     * @param workers  where pages are parsed, off the HTTP client's threads
     * @param outcomes told the outcome of every page
     */
    FullTextFetcher(FeedFetcher fetcher, HostLimiter pages, Duration deadline, Executor workers,
                    Consumer<Outcome> outcomes) {
        this.fetcher = fetcher;
        this.pages = pages;
        this.deadline = deadline;
        this.workers = workers;
        this.outcomes = outcomes;
    }

    /** Counts outcomes as {@code newsflow.fulltext.pages{outcome=...}}. */
    static Consumer<Outcome> counting(MeterRegistry registry) {
        Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder("newsflow.fulltext.pages")
                    .description("Article pages fetched for feeds with fullText on, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        return outcome -> counters.get(outcome).increment();
    }

    /**
     * The articles, in the same order, each with its page's text where that won; completes within one deadline.
     *
     * @param userAgent the feed's user agent, sent for its pages too
     */
    CompletableFuture<List<RawArticle>> complete(FeedSource feed, String userAgent, List<RawArticle> articles) {
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        List<CompletableFuture<RawArticle>> each = new ArrayList<>(articles.size());
        for (RawArticle article : articles) {
            each.add(article.url() == null ? CompletableFuture.completedFuture(article)
                    : withPage(feed, userAgent, article, deadlineNanos));
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(done -> each.stream().map(CompletableFuture::join).toList());
    }

    /** The article a page fetch settled on, and why; only the one stage that returns it reports the outcome. */
    private record Settled(RawArticle article, Outcome outcome) { }

    private CompletableFuture<RawArticle> withPage(FeedSource feed, String userAgent, RawArticle article,
                                                   long deadlineNanos) {
        CompletableFuture<Settled> result = new CompletableFuture<>();
        String host = HostLimiter.host(article.url());
        pages.acquire(host).thenRun(() -> {
            if (result.isDone()) { // the deadline passed while this page waited for its turn
                pages.release(host);
                return;
            }
            fetchPage(feed, userAgent, article)
                    .whenComplete((page, error) -> pages.release(host))
                    .thenApplyAsync(page -> read(article, page), workers)
                    .whenComplete((chosen, error) -> {
                        if (error == null) {
                            result.complete(new Settled(chosen,
                                    chosen == article ? Outcome.KEPT_FEED_TEXT : Outcome.REPLACED));
                        } else if (result.complete(new Settled(article, Outcome.FAILED))) {
                            log.warn("Full text of {} (feed {}) not used, keeping the feed's text: {}", article.url(),
                                    feed.url(), unwrap(error).getMessage());
                        }
                    });
        });
        long remaining = Math.max(0, deadlineNanos - System.nanoTime());
        // Async: the JDK's one timeout thread must not run the rest of the poll. The outcome is counted here,
        // before the article goes on, so whoever waits for the poll also sees its pages counted.
        return result.orTimeout(remaining, TimeUnit.NANOSECONDS).handleAsync((settled, error) -> {
            if (error == null) {
                outcomes.accept(settled.outcome());
                return settled.article();
            }
            outcomes.accept(Outcome.TIMED_OUT);
            log.warn("Full text of {} (feed {}) not ready within {} ms, keeping the feed's text", article.url(),
                    feed.url(), deadline.toMillis());
            return article;
        }, workers);
    }

    private CompletableFuture<FetchResult> fetchPage(FeedSource feed, String userAgent, RawArticle article) {
        try {
            return fetcher.fetch(FetchRequest.page(URI.create(article.url()), headersFor(feed, article), userAgent));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new IOException("not a fetchable URL", e));
        }
    }

    /**
     * The feed's extra headers go with its pages only on the feed's own host: they often carry a token meant
     * for the feed's server, which the servers of the pages a feed links to have no business seeing.
     */
    private static Map<String, String> headersFor(FeedSource feed, RawArticle article) {
        return HostLimiter.host(feed.url()).equals(HostLimiter.host(article.url())) ? feed.headers() : Map.of();
    }

    /** The article with the page's text, the same article when the page says no more. */
    private static RawArticle read(RawArticle article, FetchResult page) {
        try {
            return readPage(article, page);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private static RawArticle readPage(RawArticle article, FetchResult page) throws IOException {
        if (page.status() != 200) {
            throw new IOException("HTTP " + page.status());
        }
        String type = page.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("html")) {
            throw new IOException("not an HTML page (Content-Type " + type + ")");
        }
        // The header's charset wins; without one jsoup reads the BOM, then <meta charset>, then takes UTF-8.
        Charset charset = FeedCharset.fromHeader(type);
        Document doc = Jsoup.parse(new ByteArrayInputStream(page.body()), charset == null ? null : charset.name(),
                page.finalUri().toString());
        String html = MainText.html(doc);
        // doc.baseUri() honours the page's <base href>, which its relative links are written against.
        Text.Cleaned mainText = Text.clean(html, doc.baseUri());
        String text = mainText.content();
        String feedText = article.content().isEmpty() ? article.summary() : article.content();
        if (text.length() < MainText.MIN_TEXT || text.length() < feedText.length() * SUBSTANTIALLY_MORE) {
            return article;
        }
        return new RawArticle(article.schemaVersion(), article.id(), article.version(), article.url(),
                article.title(), article.summary(), text, mainText.safeContent(), article.language(),
                article.authors(), article.categories(), article.publishedAt(), article.fetchedAt(), article.feed());
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
