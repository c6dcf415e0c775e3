package dev.newsflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.FeedRef;
import dev.newsflow.core.Json;
import dev.newsflow.core.RawArticle;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org) into raw articles. */
final class JsonFeedParser {

    private JsonFeedParser() {
    }

    static ParsedFeed parse(String text, String feedUrl, String base, String language, Instant fetchedAt)
            throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("not readable JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("version").asText("").startsWith("https://jsonfeed.org/version/")) {
            throw new IOException("JSON but not a JSON Feed (no jsonfeed.org version)");
        }
        FeedRef ref = new FeedRef(feedUrl, Text.field(textOrNull(root, "title"), Text.MAX_TITLE));
        String feedLanguage = language != null ? language : FeedParser.normaliseLanguage(textOrNull(root, "language"));
        List<RawArticle> articles = new ArrayList<>();
        JsonNode items = root.path("items");
        for (JsonNode item : items) {
            if (articles.size() >= FeedParser.MAX_ITEMS) {
                break;
            }
            String contentHtml = textOrNull(item, "content_html");
            if (contentHtml == null && item.hasNonNull("content_text")) {
                contentHtml = org.jsoup.nodes.Entities.escape(item.get("content_text").asText());
            }
            String published = textOrNull(item, "date_published");
            var fields = new ArticleFactory.Item(
                    textOrNull(item, "url") != null ? textOrNull(item, "url") : textOrNull(item, "external_url"),
                    textOrNull(item, "id"), textOrNull(item, "title"), textOrNull(item, "summary"), contentHtml,
                    authors(item), names(item.path("tags")),
                    FeedDates.parse(published != null ? published : textOrNull(item, "date_modified")),
                    FeedParser.normaliseLanguage(textOrNull(item, "language")));
            articles.add(ArticleFactory.build(fields, ref, base, feedLanguage, fetchedAt));
        }
        return new ParsedFeed(ref.title(), null, articles, Math.max(0, items.size() - FeedParser.MAX_ITEMS));
    }

    /** JSON Feed 1.1 has {@code authors}, 1.0 a single {@code author}. */
    private static List<String> authors(JsonNode item) {
        List<String> names = new ArrayList<>();
        item.path("authors").forEach(a -> names.add(a.path("name").asText(null)));
        if (names.isEmpty() && item.has("author")) {
            names.add(item.path("author").path("name").asText(null));
        }
        return names;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText(null)));
        return names;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
