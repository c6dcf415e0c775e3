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
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
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
 *
 * <p>Each task first counts its own articles' tags per 5-minute bucket and sends the partial counts on
 * once a second: an article carries about nine tags, and sending each on through the repartition topic
 * made that topic carry nine records an article. A bucket is the hourly windows' hop, so a partial count
 * stamped with its bucket's start falls in exactly the windows its articles did.
 */
final class TagTrends {

    static final String REPARTITION = "trend-tags";
    static final String PENDING = "pending-tag-counts";
    static final Duration BUCKET = Duration.ofMinutes(5);
    static final Duration FLUSH = Duration.ofSeconds(1);
    static final Window HOURLY = new Window("1h", "PT1H", TimeWindows.ofSizeAndGrace(Duration.ofHours(1),
            Duration.ofMinutes(10)).advanceBy(BUCKET));
    static final Window DAILY = new Window("24h", "PT24H", TimeWindows.ofSizeAndGrace(Duration.ofHours(24),
            Duration.ofHours(1)));

    private TagTrends() {
    }

    static void addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched, Topics topics) {
        // Logged like any store, so partial counts not yet sent on survive a crash, exactly once; cached, so
        // its changelog gets a bucket's latest count once a commit rather than every increment.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        // An edit re-tags an article but is not a new article: only first versions count.
        KGroupedStream<String, Long> tags = enriched
                .filter((id, article) -> article.version() == 1, Named.as("first-versions-only"))
                .process(CountTagsPerTask::new, Named.as("count-tags-per-task"), PENDING)
                .groupByKey(Grouped.with(REPARTITION, Serdes.String(), Serdes.Long()));
        count(tags, HOURLY, topics);
        count(tags, DAILY, topics);
    }

    private static void count(KGroupedStream<String, Long> tags, Window window, Topics topics) {
        tags.windowedBy(window.windows())
                .reduce(Long::sum, Named.as("count-tags-" + window.name()),
                        Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(window.store())
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream(Named.as("tag-counts-" + window.name() + "-changes"))
                .map((key, count) -> toTrend(key, count, window.size()), Named.as("to-tag-trend-" + window.name()))
                .to(topics.tagTrends.name(), Produced.with(topics.tagTrends.keySerde(),
                        topics.tagTrends.valueSerde()).withName("write-tag-trends-" + window.name()));
    }

    static List<String> tagsOf(EnrichedArticle article) {
        List<String> out = new ArrayList<>();
        for (TopicTag topic : article.topics()) {
            out.add("topic:" + topic.id());
        }
        for (EntityTag entity : article.entities()) {
            out.add("entity:" + entity.name());
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

    /**
     * Counts a task's tags per bucket in {@link #PENDING} (key {@code tag@bucketStartMillis}) and, once a
     * second, sends each count on, stamped with its bucket's start, and forgets it.
     */
    static final class CountTagsPerTask implements Processor<String, EnrichedArticle, String, Long> {
        private ProcessorContext<String, Long> context;
        private KeyValueStore<String, Long> pending;

        @Override
        public void init(ProcessorContext<String, Long> context) {
            this.context = context;
            this.pending = context.getStateStore(PENDING);
            context.schedule(FLUSH, PunctuationType.WALL_CLOCK_TIME, now -> sendCounts());
        }

        @Override
        public void process(Record<String, EnrichedArticle> record) {
            long bucket = record.timestamp() - Math.floorMod(record.timestamp(), BUCKET.toMillis());
            for (String tag : tagsOf(record.value())) {
                String key = tag + "@" + bucket;
                Long before = pending.get(key);
                pending.put(key, before == null ? 1 : before + 1);
            }
        }

        private void sendCounts() {
            List<String> sent = new ArrayList<>();
            try (KeyValueIterator<String, Long> all = pending.all()) {
                while (all.hasNext()) {
                    KeyValue<String, Long> entry = all.next();
                    int at = entry.key.lastIndexOf('@');
                    context.forward(new Record<>(entry.key.substring(0, at), entry.value,
                            Long.parseLong(entry.key.substring(at + 1))));
                    sent.add(entry.key);
                }
            }
            sent.forEach(pending::delete);
        }
    }

    /** One window shape, with the name its processors and its store carry and its size in keys. */
    record Window(String name, String size, TimeWindows windows) {
        String store() {
            return "tag-counts-" + name;
        }
    }
}
