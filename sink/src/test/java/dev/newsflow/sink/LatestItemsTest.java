package dev.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatestItemsTest {

    private static FeedItem item(int n, String publishedAt) {
        return FeedItem.of(SampleArticles.article(n, publishedAt));
    }

    private static FeedItem version(int version) {
        return FeedItem.of(SampleArticles.article("https://news.example/articles/updated", "2026-11-16T10:00:00Z",
                version));
    }

    @Test
    void keepsTheLatestNByTheArticlesOwnDateNewestFirst() {
        LatestItems latest = new LatestItems(2);
        FeedItem monday = item(1, "2026-11-16T07:00:00Z");
        FeedItem wednesday = item(2, "2026-11-18T07:00:00Z");
        FeedItem tuesday = item(3, "2026-11-17T07:00:00Z");
        latest.offer(monday);
        latest.offer(wednesday);
        latest.offer(tuesday);

        assertEquals(List.of(wednesday, tuesday), latest.newestFirst());
        assertFalse(latest.offer(item(4, "2026-11-01T07:00:00Z")), "an older article does not get in");
    }

    @Test
    void anUpdateReplacesTheEntryOfItsArticle() {
        LatestItems latest = new LatestItems(5);
        latest.offer(version(1));
        assertTrue(latest.offer(version(2)));

        assertEquals(List.of(version(2)), latest.newestFirst());
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        LatestItems latest = new LatestItems(5);
        latest.offer(version(3));

        assertFalse(latest.offer(version(2)));
        assertEquals(3, latest.newestFirst().get(0).version());
    }

    @Test
    void applyingTheSameItemsAgainChangesNothing() {
        LatestItems latest = new LatestItems(2);
        List<FeedItem> items = List.of(item(1, "2026-11-16T07:00:00Z"), version(1), version(2),
                item(2, "2026-11-18T07:00:00Z"));
        items.forEach(latest::offer);
        List<FeedItem> once = latest.newestFirst();

        items.forEach(i -> assertFalse(latest.offer(i), "replaying " + i.id()));
        assertEquals(once, latest.newestFirst());
    }

    @Test
    void keepsWhatAFullSortWouldKeepThroughUpdatesAndRemovals() {
        Random random = new Random(20261125);
        LatestItems latest = new LatestItems(10);
        Map<String, FeedItem> model = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            String url = "https://news.example/articles/" + random.nextInt(40);
            if (random.nextInt(10) == 0) {
                String id = FeedItem.of(SampleArticles.article(url, "2026-11-16T10:00:00Z", 1)).id();
                assertEquals(model.remove(id) != null, latest.remove(id));
                continue;
            }
            String publishedAt = "2026-11-" + (10 + random.nextInt(9)) + "T0" + random.nextInt(10) + ":00:00Z";
            FeedItem item = FeedItem.of(SampleArticles.article(url, publishedAt, 1 + random.nextInt(3)));
            FeedItem current = model.get(item.id());
            if (current == null || current.version() <= item.version()) {
                model.put(item.id(), item);
            }
            latest.offer(item);
            List<FeedItem> sorted = model.values().stream().sorted(LatestItems.NEWEST_FIRST).toList();
            model.keySet().retainAll(sorted.stream().limit(10).map(FeedItem::id).toList());
            assertEquals(sorted.subList(0, Math.min(10, sorted.size())), latest.newestFirst(), "after " + i);
        }
    }
}
