package dev.newsflow.ingest;

import dev.newsflow.core.RawArticle;
import java.time.Duration;
import java.util.List;

/**
 * What a feed document held.
 *
 * @param title        may be null
 * @param ttl          the feed's own RSS {@code <ttl>}, null when it gives none
 * @param skippedItems items past the first {@link FeedParser#MAX_ITEMS}, not read
 */
public record ParsedFeed(String title, Duration ttl, List<RawArticle> articles, int skippedItems) {
}
