package dev.newsflow.monitor;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.TagTrend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the live page shows, kept in memory: the latest articles, articles per minute, the trending tags,
 * each feed's health and each watched group's lag. Listeners hear of each new article as it comes.
 */
final class NewsBoard {

    private static final Duration RATE_WINDOW = Duration.ofMinutes(60);
    private static final int TRENDING = 15;

    private final int capacity;
    private final Clock clock;
    private final Deque<EnrichedArticle> latest = new ArrayDeque<>();
    private final TreeMap<Long, Integer> perMinute = new TreeMap<>();
    private final Map<String, TagTrend> trends = new HashMap<>();
    private final Map<String, FeedStatus> feeds = new TreeMap<>();
    private volatile Map<String, Long> lag = Map.of();
    private final List<Consumer<EnrichedArticle>> listeners = new CopyOnWriteArrayList<>();

    NewsBoard(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The page's state at one instant. */
    record Snapshot(List<EnrichedArticle> latest, List<MinuteCount> perMinute, double articlesPerMinute,
                    List<TagTrend> trending, List<FeedStatus> feeds, Map<String, Long> lag) {
    }

    record MinuteCount(Instant minute, int count) {
    }

    void onArticle(Consumer<EnrichedArticle> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<EnrichedArticle> listener) {
        listeners.remove(listener);
    }

    /** An article seen on news.enriched; an update replaces the earlier version in the list. */
    void article(EnrichedArticle article, boolean live) {
        synchronized (this) {
            latest.removeIf(a -> a.id().equals(article.id()));
            latest.addFirst(article);
            while (latest.size() > capacity) {
                latest.removeLast();
            }
            long minute = clock.instant().getEpochSecond() / 60;
            if (live) {
                perMinute.merge(minute, 1, Integer::sum);
                perMinute.headMap(minute - RATE_WINDOW.toMinutes()).clear();
            }
        }
        if (live) {
            listeners.forEach(l -> l.accept(article));
        }
    }

    /** A tag count; for each tag only its latest one-hour window is kept, as "trending now". */
    synchronized void trend(TagTrend trend) {
        if (!Duration.between(trend.windowStart(), trend.windowEnd()).equals(Duration.ofHours(1))) {
            return;
        }
        String key = trend.kind() + ":" + trend.tag();
        TagTrend known = trends.get(key);
        if (known == null || !trend.windowStart().isBefore(known.windowStart())) {
            trends.put(key, trend);
        }
    }

    synchronized void feed(FeedStatus status) {
        feeds.put(status.feedUrl(), status);
    }

    void lag(Map<String, Long> byGroup) {
        this.lag = Map.copyOf(byGroup);
    }

    synchronized Snapshot snapshot() {
        long now = clock.instant().getEpochSecond() / 60;
        List<MinuteCount> minutes = new ArrayList<>();
        int lastTen = 0;
        for (long m = now - 29; m <= now; m++) {
            int count = perMinute.getOrDefault(m, 0);
            minutes.add(new MinuteCount(Instant.ofEpochSecond(m * 60), count));
            lastTen += m > now - 10 ? count : 0;
        }
        Instant recent = clock.instant().minus(Duration.ofHours(2));
        List<TagTrend> trending = trends.values().stream()
                .filter(t -> t.windowEnd().isAfter(recent))
                .sorted(Comparator.comparingLong(TagTrend::count).reversed().thenComparing(TagTrend::tag))
                .limit(TRENDING)
                .toList();
        return new Snapshot(List.copyOf(latest), minutes, lastTen / 10.0, trending, List.copyOf(feeds.values()), lag);
    }
}
