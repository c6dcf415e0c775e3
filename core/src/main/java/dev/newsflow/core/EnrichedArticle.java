package dev.newsflow.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article after enrich: every field of the {@link RawArticle} plus its language, topics and entities.
 * The value on {@code news.enriched}, keyed by {@link #id()}.
 */
public record EnrichedArticle(
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
        FeedRef feed,
        List<TopicTag> topics,
        List<EntityTag> entities,
        String taxonomyVersion,
        Instant enrichedAt) {

    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(enrichedAt, "enrichedAt");
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        topics = topics == null ? List.of() : List.copyOf(topics);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** The raw article with what enrich found; {@code language} replaces the raw one when it was unknown. */
    public static EnrichedArticle of(RawArticle raw, String language, List<TopicTag> topics,
                                     List<EntityTag> entities, String taxonomyVersion, Instant enrichedAt) {
        return new EnrichedArticle(SCHEMA_VERSION, raw.id(), raw.version(), raw.url(), raw.title(), raw.summary(),
                raw.content(), raw.contentHtml(), language, raw.authors(), raw.categories(), raw.publishedAt(),
                raw.fetchedAt(), raw.feed(), topics, entities, taxonomyVersion, enrichedAt);
    }

    /** True when a topic with this id was attached. */
    public boolean hasTopic(String topicId) {
        return topics.stream().anyMatch(t -> t.id().equals(topicId));
    }
}
