package dev.newsflow.enrich;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.EntityTag;
import dev.newsflow.core.TagTrend;
import dev.newsflow.core.TopicTag;
import dev.newsflow.core.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The trends branch of the topology: counts, per tag, the enriched articles (first versions) that carry it
 * in two kinds of window (1 hour hopping by 5 minutes, and 24 hours), and writes every changed count to
 * {@code news.tag-trends} keyed {@code kind:tag@size@windowStart}, so the compacted topic keeps the
 * latest count of every window.
 */
final class TagTrends {

    static final String REPARTITION = "trend-tags";
    static final Window HOURLY = new Window("1h", "PT1H", TimeWindows.ofSizeAndGrace(Duration.ofHours(1),
            Duration.ofMinutes(10)).advanceBy(Duration.ofMinutes(5)));
    static final Window DAILY = new Window("24h", "PT24H", TimeWindows.ofSizeAndGrace(Duration.ofHours(24),
            Duration.ofHours(1)));

    private TagTrends() {
    }

    static void addTo(KStream<String, EnrichedArticle> enriched, Topics topics) {
        // An edit re-tags an article but is not a new article: only first versions count.
        KGroupedStream<String, String> tags = enriched
                .filter((id, article) -> article.version() == 1, Named.as("first-versions-only"))
                .flatMap((id, article) -> tagsOf(article), Named.as("list-article-tags"))
                .groupByKey(Grouped.with(REPARTITION, Serdes.String(), Serdes.String()));
        count(tags, HOURLY, topics);
        count(tags, DAILY, topics);
    }

    private static void count(KGroupedStream<String, String> tags, Window window, Topics topics) {
        tags.windowedBy(window.windows())
                .count(Named.as("count-tags-" + window.name()),
                        Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(window.store())
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream(Named.as("tag-counts-" + window.name() + "-changes"))
                .map((key, count) -> toTrend(key, count, window.size()), Named.as("to-tag-trend-" + window.name()))
                .to(topics.tagTrends.name(), Produced.with(topics.tagTrends.keySerde(),
                        topics.tagTrends.valueSerde()).withName("write-tag-trends-" + window.name()));
    }

    private static List<KeyValue<String, String>> tagsOf(EnrichedArticle article) {
        List<KeyValue<String, String>> out = new ArrayList<>();
        for (TopicTag topic : article.topics()) {
            out.add(KeyValue.pair("topic:" + topic.id(), article.id()));
        }
        for (EntityTag entity : article.entities()) {
            out.add(KeyValue.pair("entity:" + entity.name(), article.id()));
        }
        return out;
    }

    private static KeyValue<String, TagTrend> toTrend(Windowed<String> key, Long count, String size) {
        String kindAndTag = key.key();
        int colon = kindAndTag.indexOf(':');
        TagTrend trend = new TagTrend(kindAndTag.substring(0, colon), kindAndTag.substring(colon + 1),
                key.window().startTime(), key.window().endTime(), count == null ? 0 : count);
        return KeyValue.pair(kindAndTag + "@" + size + "@" + trend.windowStart(), trend);
    }

    /** One window shape, with the name its processors and its store carry and its size in keys. */
    record Window(String name, String size, TimeWindows windows) {
        String store() {
            return "tag-counts-" + name;
        }
    }
}
