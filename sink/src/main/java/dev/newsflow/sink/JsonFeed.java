package dev.newsflow.sink;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.newsflow.core.FeedRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/), as written to {@code out/feeds/}.
 * Absent values are left out rather than written as null, as the spec's optional fields expect. What a
 * feed reader has no field for (entities, scores, the archive position) goes in {@code _newsflow}
 * extension objects, which readers that do not know them ignore.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonFeed(String version, String title, String description, List<Item> items,
                @JsonProperty("_newsflow") FeedExtension newsflow) {

    static final String VERSION = "https://jsonfeed.org/version/1.1";
    /** Where the {@code _newsflow} extension is described, as the spec asks of an extension. */
    static final String EXTENSION_ABOUT = "https://newsflow.dev/schemas/json-feed.schema.json";

    /** One article. {@code content_html} or {@code content_text} is always present, as 1.1 requires. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String url, String title,
                @JsonProperty("content_html") String contentHtml,
                @JsonProperty("content_text") String contentText,
                String summary,
                @JsonProperty("date_published") Instant datePublished,
                @JsonProperty("date_modified") Instant dateModified,
                List<Author> authors, List<String> tags, String language,
                @JsonProperty("_newsflow") ItemExtension newsflow) {
    }

    record Author(String name) {
    }

    /** What Newsflow knows of an item beyond JSON Feed's fields; enough to rebuild the item after a restart. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemExtension(String about, String id, int version, Instant fetchedAt, Instant enrichedAt, FeedRef source,
                         List<FeedItem.TopicRef> topics, List<FeedItem.EntityRef> entities) {
    }

    /**
     * @param topic         the topic id of a topic feed; absent in {@code all.json}
     * @param archivedUpTo  in {@code all.json} only: per partition of {@code sourceTopic}, the offset after
     *                      the last archived record these feeds reflect
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FeedExtension(String about, String topic, String topicLabel, String sourceTopic,
                         Map<Integer, Long> archivedUpTo) {
    }
}
