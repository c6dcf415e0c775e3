package dev.newsflow.sink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest N articles of one feed, newest first by the article's own date, at most one entry per article
 * id: a higher version replaces the entry it updates, an older version never replaces a newer one, so
 * applying the same articles again (a replay after a crash) leaves the same result.
 */
final class LatestItems {

    static final Comparator<FeedItem> NEWEST_FIRST = Comparator.comparing(FeedItem::date).reversed()
            .thenComparing(FeedItem::id);

    private final int capacity;
    private final Map<String, FeedItem> byId = new HashMap<>();

    LatestItems(int capacity) {
        this.capacity = capacity;
    }

    /** Takes the item in when it is among the latest N; true when the feed changed. */
    boolean offer(FeedItem item) {
        FeedItem current = byId.get(item.id());
        if (current != null && current.version() > item.version()) {
            return false;
        }
        byId.put(item.id(), item);
        if (byId.size() > capacity) {
            FeedItem oldest = byId.values().stream().max(NEWEST_FIRST).orElseThrow();
            byId.remove(oldest.id());
            return oldest != item;
        }
        return !item.equals(current);
    }

    /** Drops an article, when an update took it out of this feed's topic; true when it was there. */
    boolean remove(String id) {
        return byId.remove(id) != null;
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    List<FeedItem> newestFirst() {
        List<FeedItem> items = new ArrayList<>(byId.values());
        items.sort(NEWEST_FIRST);
        return items;
    }
}
