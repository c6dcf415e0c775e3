package dev.newsflow.sink;

import dev.newsflow.core.FeedRef;
import java.time.Instant;
import java.util.List;

/**
 * {@code out/latest.json}: the latest N articles, newest first, for the simplest consumers (a static page,
 * a script). Plain names and no extension objects; see {@code latest.schema.json}.
 */
record LatestFile(int schemaVersion, Instant generatedAt, List<Entry> articles) {

    static final int SCHEMA_VERSION = 1;

    /** @param publishedAt may be null */
    record Entry(String id, int version, String url, String title, String summary, String language,
                 Instant publishedAt, Instant fetchedAt, FeedRef feed, List<FeedItem.TopicRef> topics,
                 List<FeedItem.EntityRef> entities) {

        static Entry of(FeedItem item) {
            return new Entry(item.id(), item.version(), item.url(), item.title(), item.summary(), item.language(),
                    item.publishedAt(), item.fetchedAt(), item.source(), item.topics(), item.entities());
        }
    }

    static LatestFile of(List<FeedItem> newestFirst, Instant generatedAt) {
        return new LatestFile(SCHEMA_VERSION, generatedAt, newestFirst.stream().map(Entry::of).toList());
    }
}
