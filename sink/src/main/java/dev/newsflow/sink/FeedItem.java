package dev.newsflow.sink;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.FeedRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the JSON Feed and latest files show of an article: everything but its full text and the evidence.
 * Small enough to keep N of them per topic in memory, and complete enough to be read back from a written
 * feed, which is how the feeds survive a restart.
 *
 * @param publishedAt may be null; {@link #date()} then falls back to the fetch time
 * @param contentHtml may be null
 */
record FeedItem(String id, int version, String url, String title, String summary, String contentHtml,
                String language, List<String> authors, Instant publishedAt, Instant fetchedAt, Instant enrichedAt,
                FeedRef source, List<TopicRef> topics, List<EntityRef> entities) {

    /** A topic of the article, without its evidence. */
    record TopicRef(String id, String label, double score) {
    }

    /** An entity of the article, without its evidence. */
    record EntityRef(String name, String type, int mentions) {
    }

    FeedItem {
        Objects.requireNonNull(id, "id");
        authors = authors == null ? List.of() : List.copyOf(authors);
        topics = topics == null ? List.of() : List.copyOf(topics);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    static FeedItem of(EnrichedArticle a) {
        return new FeedItem(a.id(), a.version(), a.url(), a.title(), a.summary(), a.contentHtml(), a.language(),
                a.authors(), a.publishedAt(), a.fetchedAt(), a.enrichedAt(), a.feed(),
                a.topics().stream().map(t -> new TopicRef(t.id(), t.label(), t.score())).toList(),
                a.entities().stream().map(e -> new EntityRef(e.name(), e.type(), e.mentions())).toList());
    }

    /** The date "latest" is measured by: published, else fetched; never null for a valid article. */
    Instant date() {
        return publishedAt != null ? publishedAt : fetchedAt != null ? fetchedAt : enrichedAt;
    }

    boolean hasTopic(String topicId) {
        return topics.stream().anyMatch(t -> t.id().equals(topicId));
    }
}
