package dev.newsflow.enrich;

import dev.newsflow.core.RawArticle;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Lets an article through the first time its id is seen, and again only with a higher version (an edit);
 * an exact repeat is dropped. Reads and writes the {@code seen-articles} store: article id to the highest
 * version seen, stamped with when it was seen. Entries older than the TTL are purged, which bounds the
 * store: an article republished after its TTL is tagged again, which is harmless.
 */
final class DeduplicateArticles implements FixedKeyProcessor<String, RawArticle, RawArticle> {

    static final String STORE = "seen-articles";
    /** Purge at most this often, so a long TTL does not mean a store scan on every commit. */
    private static final Duration MAX_PURGE_INTERVAL = Duration.ofMinutes(10);

    private final Duration ttl;
    private final Clock clock;
    private FixedKeyProcessorContext<String, RawArticle> context;
    private TimestampedKeyValueStore<String, Integer> seen;

    DeduplicateArticles(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, RawArticle> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
        Duration every = ttl.dividedBy(10);
        if (every.compareTo(MAX_PURGE_INTERVAL) > 0) {
            every = MAX_PURGE_INTERVAL;
        }
        if (every.isZero()) {
            every = Duration.ofSeconds(1);
        }
        context.schedule(every, PunctuationType.WALL_CLOCK_TIME, now -> purgeExpired());
    }

    @Override
    public void process(FixedKeyRecord<String, RawArticle> record) {
        String id = record.key() != null ? record.key() : record.value().id();
        ValueAndTimestamp<Integer> before = seen.get(id);
        int version = record.value().version();
        if (before != null && before.value() >= version) {
            return;
        }
        seen.put(id, ValueAndTimestamp.make(version, clock.millis()));
        context.forward(record);
    }

    private void purgeExpired() {
        long oldest = clock.millis() - ttl.toMillis();
        try (KeyValueIterator<String, ValueAndTimestamp<Integer>> all = seen.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<Integer>> entry = all.next();
                if (entry.value.timestamp() < oldest) {
                    seen.delete(entry.key);
                }
            }
        }
    }
}
