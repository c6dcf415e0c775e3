package dev.newsflow.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One article as ingest read it from a feed: the value on {@code news.raw}, keyed by {@link #id()}.
 * Text fields are plain text; {@code contentHtml} is a sanitised HTML copy of the content (of the summary when
 * the item has no content), null when the feed gave plain text without markup.
 *
 * @param version     1 for the first publication; an edited article is published again with a higher version
 * @param language    ISO 639-1 code from the feed or its settings, null when unknown
 * @param publishedAt null when the feed gives no date (none is invented)
 */
public record RawArticle(
        int schemaVersion,
        String id,
        int version,
        String url,
        String title,
        String summary,
        String content,
        String contentHtml,
        String language,
        List<String> authors,
        List<String> categories,
        Instant publishedAt,
        Instant fetchedAt,
        FeedRef feed) {

    public static final int SCHEMA_VERSION = 1;

    public RawArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(feed, "feed");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        content = content == null ? "" : content;
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** This article as a later version of itself, for an edit. */
    public RawArticle withVersion(int newVersion) {
        return new RawArticle(schemaVersion, id, newVersion, url, title, summary, content, contentHtml, language,
                authors, categories, publishedAt, fetchedAt, feed);
    }
}
