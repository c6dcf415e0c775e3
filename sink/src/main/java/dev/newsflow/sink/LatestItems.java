package dev.newsflow.sink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
    /** The same items in feed order, so the oldest is found without a scan: offered once per article and topic. */
    private final TreeSet<FeedItem> ordered = new TreeSet<>(NEWEST_FIRST);

    LatestItems(int capacity) {
        this.capacity = capacity;
    }

    /** Takes the item in when it is among the latest N; true when the feed changed. */
    boolean offer(FeedItem item) {
        FeedItem current = byId.get(item.id());
        if (current != null && current.version() > item.version()) {
            return false;
        }
        if (current != null) {
            ordered.remove(current);
        }
        byId.put(item.id(), item);
        ordered.add(item);
        if (byId.size() > capacity) {
            FeedItem oldest = ordered.pollLast();
            byId.remove(oldest.id());
            return oldest != item;
        }
        return !item.equals(current);
    }

    /** Drops an article, when an update took it out of this feed's topic; true when it was there. */
    boolean remove(String id) {
        FeedItem removed = byId.remove(id);
        if (removed != null) {
            ordered.remove(removed);
        }
        return removed != null;
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    List<FeedItem> newestFirst() {
        return new ArrayList<>(ordered);
    }
}
