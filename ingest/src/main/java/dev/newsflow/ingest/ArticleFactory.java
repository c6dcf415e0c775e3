package dev.newsflow.ingest;

import dev.newsflow.core.ArticleId;
import dev.newsflow.core.FeedRef;
import dev.newsflow.core.RawArticle;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Builds a raw article from one item's fields, whatever format they came from: links made absolute,
 * HTML cleaned to plain text and to a safelisted copy, every field capped, the id derived.
 */
final class ArticleFactory {

    static final int MAX_AUTHORS = 20;
    static final int MAX_CATEGORIES = 50;
    static final int MAX_NAME = 200;

    private ArticleFactory() {
    }

    /** The fields of one feed item; HTML fields may be null. */
    record Item(String link, String guid, String title, String summaryHtml, String contentHtml,
                List<String> authors, List<String> categories, Instant published, String language) {
    }

    /** @param base resolves relative links (the feed's own address after redirects) */
    static RawArticle build(Item item, FeedRef feed, String base, String language, Instant fetchedAt) {
        String link = absolute(base, item.link());
        String title = Text.field(Text.plain(item.title()), Text.MAX_TITLE);
        String htmlBase = link != null ? link : base;
        // The sanitised copy comes from the content, or from the summary when the item has no content.
        Text.Cleaned body;
        String summary;
        if (item.contentHtml() == null || item.contentHtml().isBlank()) {
            Text.Cleaned cleaned = Text.clean(item.summaryHtml(), htmlBase);
            summary = Text.field(cleaned.text(), Text.MAX_SUMMARY);
            body = new Text.Cleaned("", cleaned.html());
        } else {
            summary = Text.field(Text.plain(item.summaryHtml()), Text.MAX_SUMMARY);
            body = Text.clean(item.contentHtml(), htmlBase);
        }
        String content = body.content();
        String id = ArticleId.of(link, item.guid(), feed.url(), () -> title + "\n" + summary + "\n" + content);
        String safe = body.safeContent();
        String lang = language != null ? language : item.language();
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, 1, link, title, summary, content, safe, lang,
                capped(item.authors(), MAX_AUTHORS), capped(item.categories(), MAX_CATEGORIES), item.published(),
                fetchedAt, feed);
    }

    /** An absolute http(s) link, or null: relative links resolve against the base, other schemes are dropped. */
    static String absolute(String base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = base == null ? new URI(link.strip()) : new URI(base).resolve(link.strip());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    ? uri.toString() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static List<String> capped(List<String> names, int max) {
        if (names == null) {
            return List.of();
        }
        return names.stream().filter(n -> n != null && !n.isBlank()).map(n -> Text.field(n.strip(), MAX_NAME))
                .distinct().limit(max).toList();
    }
}
