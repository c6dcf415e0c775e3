package dev.newsflow.sink;

import dev.newsflow.core.Articles;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.EntityTag;
import dev.newsflow.core.Evidence;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.TopicTag;
import java.time.Instant;
import java.util.List;

/** Enriched articles for the sink's tests: a given url, publication time, version and topics. */
final class SampleArticles {

    static final TopicTag AI_GOVERNANCE = new TopicTag("ai-governance", "AI governance", 0.9,
            List.of(new Evidence("title", 0, 2, "IA")));
    static final TopicTag APEC = new TopicTag("apec", "APEC", 0.8, List.of(new Evidence("summary", 13, 17, "APEC")));
    static final TopicTag TRADE = new TopicTag("trade", "Trade", 0.5, List.of());
    static final EntityTag SHANGHAI = new EntityTag("Shanghai", "LOCATION", 1,
            List.of(new Evidence("title", 50, 58, "Shanghai")));

    private SampleArticles() {
    }

    static EnrichedArticle article(int n, String publishedAt, TopicTag... topics) {
        return article("https://news.example/articles/" + n, publishedAt, 1, topics);
    }

    static EnrichedArticle article(String url, String publishedAt, int version, TopicTag... topics) {
        RawArticle raw = Articles.raw(url, "Article " + url.substring(url.lastIndexOf('/') + 1),
                "Au sommet de l’APEC, une annonce sur l’IA.");
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw.id(), version, raw.url(), raw.title(),
                raw.summary(), raw.content(), raw.contentHtml(), "fr", raw.authors(), raw.categories(),
                publishedAt == null ? null : Instant.parse(publishedAt), raw.fetchedAt(), raw.feed(),
                List.of(topics), List.of(SHANGHAI), "test-1", Instant.parse("2026-11-17T09:00:00Z").plusSeconds(version));
    }
}
