package dev.newsflow.core;

import java.time.Instant;
import java.util.List;

/** Small, realistic articles for tests of every module. */
public final class Articles {

    public static final FeedRef FEED = new FeedRef("https://news.example/feed.xml", "Example news");

    private Articles() {
    }

    public static RawArticle raw(String url, String title, String summary) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleId.ofUrl(url), 1, url, title, summary, "",
                "<p>" + summary + "</p>", null, List.of("Claire Martin"), List.of("IA"),
                Instant.parse("2026-11-16T07:30:00Z"), Instant.parse("2026-11-16T08:00:00Z"), FEED);
    }

    public static RawArticle shanghaiAiBody() {
        return raw("https://news.example/articles/ai-organisation-shanghai",
                "Pékin propose une organisation mondiale de l’IA à Shanghai",
                "Au sommet de l’APEC, Xi Jinping a proposé de créer une organisation mondiale de coopération "
                        + "sur l’intelligence artificielle, dont le siège serait à Shanghai.");
    }
}
