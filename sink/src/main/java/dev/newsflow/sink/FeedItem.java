package dev.newsflow.sink;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import dev.newsflow.core.FeedRef;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the JSON Feed and latest files show of an article: everything but the evidence, and its full text
 * once only: as its sanitised HTML, or as plain text when the feed gave no markup. Small enough to keep N of
 * them per topic in memory, and complete enough to be read back from a written feed, which is how the
 * feeds survive a restart.
 *
 * @param publishedAt may be null; {@link #date()} then falls back to the fetch time
 * @param contentHtml may be null
 * @param contentText the full text, kept only when there is no HTML copy; null otherwise
 */
record FeedItem(String id, int version, String url, String title, String summary, String contentHtml,
                @JsonAlias("content") String contentText, String language, List<String> authors,
                Instant publishedAt, Instant fetchedAt, Instant enrichedAt,
                @JsonAlias("feed") FeedRef source, List<TopicRef> topics, List<EntityRef> entities) {

    /** Reads an enriched article's JSON into the fields a feed shows; the evidence is skipped. */
    private static final ObjectReader FROM_ENRICHED = Json.MAPPER.readerFor(FeedItem.class);

    /** A topic of the article, without its evidence. */
    record TopicRef(String id, String label, double score) {
    }

    /** An entity of the article, without its evidence. */
    record EntityRef(String name, String type, int mentions) {
    }

    FeedItem {
        Objects.requireNonNull(id, "id");
        if (hasHtml(contentHtml) || (contentText != null && contentText.isBlank())) {
            contentText = null;
        }
        authors = authors == null ? List.of() : List.copyOf(authors);
        topics = topics == null ? List.of() : List.copyOf(topics);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    static FeedItem of(EnrichedArticle a) {
        return new FeedItem(a.id(), a.version(), a.url(), a.title(), a.summary(), a.contentHtml(), a.content(),
                a.language(), a.authors(), a.publishedAt(), a.fetchedAt(), a.enrichedAt(), a.feed(),
                a.topics().stream().map(t -> new TopicRef(t.id(), t.label(), t.score())).toList(),
                a.entities().stream().map(e -> new EntityRef(e.name(), e.type(), e.mentions())).toList());
    }

    /**
     * What the feeds show of an enriched article, read from its JSON without building its evidence (more than
     * half of the bench's articles). Holds the
     * article to the fields its contract requires: an id, its feed and when it was enriched.
     *
     * @return null for a JSON {@code null}
     * @throws IOException when the bytes are not an enriched article
     */
    static FeedItem fromEnrichedJson(byte[] json) throws IOException {
        try (JsonParser parser = Json.MAPPER.createParser(json)) {
            return fromEnrichedJson(parser);
        }
    }

    /** As {@link #fromEnrichedJson(byte[])}, from {@code parser}, which it leaves just past the article's end. */
    static FeedItem fromEnrichedJson(JsonParser parser) throws IOException {
        FeedItem item = FROM_ENRICHED.readValue(parser);
        if (item != null && (item.source() == null || item.enrichedAt() == null)) {
            String missing = item.source() == null ? "feed" : "enrichedAt";
            throw new IOException("article " + item.id() + " has no " + missing);
        }
        return item;
    }

    /** The date "latest" is measured by: published, else fetched; never null for a valid article. */
    Instant date() {
        return publishedAt != null ? publishedAt : fetchedAt != null ? fetchedAt : enrichedAt;
    }

    boolean hasHtml() {
        return hasHtml(contentHtml);
    }

    private static boolean hasHtml(String contentHtml) {
        return contentHtml != null && !contentHtml.isBlank();
    }

    boolean hasTopic(String topicId) {
        return topics.stream().anyMatch(t -> t.id().equals(topicId));
    }
}
