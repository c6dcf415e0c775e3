package dev.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The rules of JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) checked on a written document, beside
 * the schema: the ones a schema cannot state (unique item ids, RFC 3339 dates, absolute URLs) and the
 * ones it states, checked a second way.
 */
final class JsonFeedRules {

    private static final Set<String> FEED_KEYS = Set.of("version", "title", "home_page_url", "feed_url",
            "description", "user_comment", "next_url", "icon", "favicon", "authors", "language", "expired", "hubs",
            "items");
    private static final Set<String> ITEM_KEYS = Set.of("id", "url", "external_url", "title", "content_html",
            "content_text", "summary", "image", "banner_image", "date_published", "date_modified", "authors", "tags",
            "language", "attachments");

    private JsonFeedRules() {
    }

    static void assertFollowsJsonFeed11(JsonNode feed) {
        assertEquals("https://jsonfeed.org/version/1.1", feed.path("version").asText(), "version");
        assertTrue(feed.path("title").isTextual() && !feed.path("title").asText().isEmpty(), "a feed has a title");
        assertOnlyKnownKeysOrExtensions(feed, FEED_KEYS);
        assertTrue(feed.path("items").isArray(), "items is an array");
        Set<String> ids = new HashSet<>();
        for (JsonNode item : feed.path("items")) {
            assertTrue(item.path("id").isTextual() && !item.path("id").asText().isEmpty(), "an item has an id");
            assertTrue(ids.add(item.path("id").asText()), "item ids are unique: " + item.path("id"));
            assertTrue(item.path("content_html").isTextual() || item.path("content_text").isTextual(),
                    "content_html or content_text is present: " + item);
            assertOnlyKnownKeysOrExtensions(item, ITEM_KEYS);
            assertDate(item, "date_published");
            assertDate(item, "date_modified");
            assertAbsoluteUrl(item, "url");
            for (JsonNode tag : item.path("tags")) {
                assertTrue(tag.isTextual(), "tags are strings");
            }
            for (JsonNode author : item.path("authors")) {
                assertTrue(author.has("name") || author.has("url") || author.has("avatar"),
                        "an author has a name, url or avatar");
            }
        }
    }

    /** Names outside the spec must be extensions: an underscore, then a letter. */
    private static void assertOnlyKnownKeysOrExtensions(JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertTrue(known.contains(name) || name.matches("_[A-Za-z].*"), "unknown key " + name);
            assertTrue(!node.get(name).isNull(), name + " is null rather than absent");
        }
    }

    private static void assertDate(JsonNode item, String field) {
        if (item.has(field)) {
            try {
                OffsetDateTime.parse(item.get(field).asText());
            } catch (DateTimeParseException e) {
                fail(field + " is not RFC 3339: " + item.get(field));
            }
        }
    }

    private static void assertAbsoluteUrl(JsonNode item, String field) {
        if (item.has(field)) {
            assertTrue(URI.create(item.get(field).asText()).isAbsolute(), field + " is absolute: " + item.get(field));
        }
    }
}
