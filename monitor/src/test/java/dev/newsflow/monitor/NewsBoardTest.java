package dev.newsflow.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.TagTrend;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewsBoardTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    private final NewsBoard board = new NewsBoard(3, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void keepsTheLatestArticlesNewestFirstAndAnUpdateReplacesItsEarlierVersion() {
        var a = MonitorFixture.article("https://n.example/a", "Article A", List.of("apec"), List.of());
        var b = MonitorFixture.article("https://n.example/b", "Article B", List.of(), List.of());
        board.article(a, true);
        board.article(b, true);
        board.article(updated(a), true);
        var latest = board.snapshot().latest();
        assertEquals(List.of("Article A", "Article B"), latest.stream().map(x -> x.title()).toList());
        assertEquals(2, latest.get(0).version());
    }

    @Test
    void countsOnlyLiveArticlesInTheRateAndTellsListeners() {
        List<String> heard = new ArrayList<>();
        board.onArticle(article -> heard.add(article.title()));
        board.article(MonitorFixture.article("https://n.example/old", "Backlog", List.of(), List.of()), false);
        for (int i = 0; i < 5; i++) {
            board.article(MonitorFixture.article("https://n.example/" + i, "Live " + i, List.of(), List.of()), true);
        }
        assertEquals(0.5, board.snapshot().articlesPerMinute(), 1e-9);
        assertEquals(5, heard.size());
        assertEquals(5, board.snapshot().perMinute().get(29).count());
    }

    @Test
    void trendsKeepEachTagsLatestHourWindowMostCountedFirst() {
        board.trend(new TagTrend("topic", "apec", NOW.minusSeconds(3900), NOW.minusSeconds(300), 9));
        board.trend(new TagTrend("topic", "apec", NOW.minusSeconds(3600), NOW, 4));
        board.trend(new TagTrend("entity", "Shanghai", NOW.minusSeconds(3600), NOW, 6));
        board.trend(new TagTrend("topic", "trade", NOW.minus(java.time.Duration.ofHours(24)), NOW, 50));
        var trending = board.snapshot().trending();
        assertEquals(List.of("Shanghai", "apec"), trending.stream().map(TagTrend::tag).toList());
        assertEquals(4, trending.get(1).count());
    }

    private static EnrichedArticle updated(EnrichedArticle a) {
        return new EnrichedArticle(a.schemaVersion(), a.id(), 2, a.url(), a.title(), a.summary(), a.content(),
                a.contentHtml(), a.language(), a.authors(), a.categories(), a.publishedAt(), a.fetchedAt(), a.feed(),
                a.topics(), a.entities(), a.taxonomyVersion(), a.enrichedAt());
    }

    @Test
    void reportsLagByGroup() {
        board.lag(Map.of("newsflow-sink", 12L));
        assertEquals(Map.of("newsflow-sink", 12L), board.snapshot().lag());
    }
}
