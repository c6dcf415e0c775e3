package dev.newsflow.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsflow.core.Json;
import dev.newsflow.core.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest's memory, kept in the compacted {@code ingest-state} topic so a restarted or redeployed ingest
 * neither refetches unchanged feeds nor republishes articles: HTTP validators per feed
 * ({@code feed|<url>}) and published versions per article ({@code article|<id>}), JSON values.
 * Read once at start-up, committed records only, from the start to the end offsets; written through the
 * publisher in the same transaction as the articles they remember.
 */
final class IngestStateStore {

    private static final Logger log = LoggerFactory.getLogger(IngestStateStore.class);
    static final String FEED = "feed|";
    static final String ARTICLE = "article|";

    private final Map<String, FeedMemory> feeds = new ConcurrentHashMap<>();
    private final ArticleLedger ledger;

    IngestStateStore(ArticleLedger ledger) {
        this.ledger = ledger;
    }

    ArticleLedger ledger() {
        return ledger;
    }

    FeedMemory feed(String url) {
        return feeds.getOrDefault(url, FeedMemory.EMPTY);
    }

    void remember(String url, FeedMemory memory) {
        feeds.put(url, memory);
    }

    static String feedKey(String url) {
        return FEED + url;
    }

    static String articleKey(String id) {
        return ARTICLE + id;
    }

    static byte[] encode(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("state records are plain records", e);
        }
    }

    /** Applies one state record; unreadable ones are skipped with a warning, never fatal. */
    void apply(String key, byte[] value) {
        try {
            if (key.startsWith(FEED)) {
                String url = key.substring(FEED.length());
                if (value == null) {
                    feeds.remove(url);
                } else {
                    feeds.put(url, Json.MAPPER.readValue(value, FeedMemory.class));
                }
            } else if (key.startsWith(ARTICLE)) {
                ledger.restore(key.substring(ARTICLE.length()),
                        value == null ? null : Json.MAPPER.readValue(value, ArticleLedger.Mark.class));
            }
        } catch (IOException e) {
            log.warn("Skipping an unreadable ingest-state record {}: {}", key, e.getMessage());
        }
    }

    /** Rebuilds the state from the topic, reading every partition from its start to its current end. */
    static IngestStateStore rebuild(Properties client, Topics topics, int capacity, Duration timeout) throws IOException {
        IngestStateStore store = new IngestStateStore(new ArticleLedger(capacity));
        Properties props = new Properties();
        props.putAll(client);
        props.put("group.id", "newsflow-ingest-state-" + UUID.randomUUID());
        props.put("enable.auto.commit", "false");
        // Marks of an aborted transaction belong to articles that were never published: never read them.
        props.put("isolation.level", "read_committed");
        String topic = topics.ingestState.name();
        long deadline = System.nanoTime() + timeout.toNanos();
        int records = 0;
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("could not read " + topic + " to its end within " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null) {
                        store.apply(r.key(), r.value());
                        records++;
                    }
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IOException("could not read " + topic + ": " + e.getMessage(), e);
        }
        log.info("Rebuilt ingest state from {}: {} records, {} feeds, {} articles", topic, records,
                store.feeds.size(), store.ledger.size());
        return store;
    }
}
