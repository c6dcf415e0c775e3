package dev.newsflow.monitor;

import dev.newsflow.core.EnrichedArticle;
import java.time.Instant;
import java.util.List;

/** What the page shows of an article: no content, no evidence, a summary cut to a glance. */
record ArticleView(String id, int version, String title, String url, String summary, String language,
                   Instant publishedAt, Instant enrichedAt, String feed, List<Tag> topics, List<Tag> entities) {

    private static final int SUMMARY_CHARS = 280;

    /** A topic (id, label) or an entity (name, type). */
    record Tag(String id, String label) {
    }

    static ArticleView of(EnrichedArticle a) {
        String summary = a.summary().length() <= SUMMARY_CHARS ? a.summary()
                : a.summary().substring(0, SUMMARY_CHARS) + "…";
        String feed = a.feed().title() != null ? a.feed().title() : a.feed().url();
        return new ArticleView(a.id(), a.version(), a.title(), a.url(), summary, a.language(), a.publishedAt(),
                a.enrichedAt(), feed,
                a.topics().stream().map(t -> new Tag(t.id(), t.label())).toList(),
                a.entities().stream().map(e -> new Tag(e.name(), e.type())).toList());
    }
}
