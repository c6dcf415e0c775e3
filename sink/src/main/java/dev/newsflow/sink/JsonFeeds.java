package dev.newsflow.sink;

import java.util.List;
import java.util.Map;

/** Converts between {@link FeedItem}s and JSON Feed documents, both ways, so a written feed can be read back. */
final class JsonFeeds {

    private JsonFeeds() {
    }

    static JsonFeed feed(String title, String description, List<FeedItem> newestFirst,
                         JsonFeed.FeedExtension extension) {
        return new JsonFeed(JsonFeed.VERSION, title, description,
                newestFirst.stream().map(JsonFeeds::item).toList(), extension);
    }

    static JsonFeed.FeedExtension topicExtension(String topicId, String label) {
        return new JsonFeed.FeedExtension(JsonFeed.EXTENSION_ABOUT, topicId, label, null, null);
    }

    static JsonFeed.FeedExtension allExtension(String sourceTopic, Map<Integer, Long> archivedUpTo) {
        return new JsonFeed.FeedExtension(JsonFeed.EXTENSION_ABOUT, null, null, sourceTopic, archivedUpTo);
    }

    static JsonFeed.Item item(FeedItem a) {
        boolean hasHtml = a.hasHtml();
        // JSON Feed 1.1 requires content_html or content_text: without HTML, the text, or the summary when the
        // feed gave no content.
        String text = hasHtml ? null : firstNonBlank(a.contentText(), firstNonBlank(a.summary(), a.title()));
        return new JsonFeed.Item(a.id(), a.url(), a.title(), hasHtml ? a.contentHtml() : null, text,
                blankToNull(a.summary()), a.publishedAt(), a.version() > 1 ? a.enrichedAt() : null,
                a.authors().isEmpty() ? null : a.authors().stream().map(JsonFeed.Author::new).toList(),
                a.topics().stream().map(FeedItem.TopicRef::label).toList(), a.language(),
                new JsonFeed.ItemExtension(JsonFeed.EXTENSION_ABOUT, a.id(), a.version(), a.fetchedAt(),
                        a.enrichedAt(), a.source(), a.topics(), a.entities()));
    }

    /** The item a written entry stands for; null when it lacks the {@code _newsflow} extension. */
    static FeedItem readBack(JsonFeed.Item item) {
        JsonFeed.ItemExtension ext = item.newsflow();
        if (ext == null || item.id() == null) {
            return null;
        }
        return new FeedItem(item.id(), ext.version(), item.url(), item.title(), item.summary(), item.contentHtml(),
                item.contentText(), item.language(), item.authors() == null ? List.of()
                        : item.authors().stream().map(JsonFeed.Author::name).toList(),
                item.datePublished(), ext.fetchedAt(), ext.enrichedAt(), ext.source(), ext.topics(), ext.entities());
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second == null ? "" : second;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
