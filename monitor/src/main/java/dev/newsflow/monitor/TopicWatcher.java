package dev.newsflow.monitor;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.TagTrend;
import dev.newsflow.core.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the enriched flow (its recent tail, then live), the tag trends and the feed statuses (compacted:
 * read whole) into the {@link NewsBoard}. No consumer group: the monitor is a viewer and commits nothing.
 */
final class TopicWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicWatcher.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final NewsBoard board;
    private final int backlog;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean assigned;

    TopicWatcher(Properties clientProperties, Topics topics, NewsBoard board, int backlog, MeterRegistry registry) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-monitor");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        new KafkaClientMetrics(consumer).bindTo(registry);
        this.topics = topics;
        this.board = board;
        this.backlog = backlog;
        this.thread = new Thread(this::run, "monitor-watcher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** True once the watcher has its partitions: the broker answered. */
    boolean isAssigned() {
        return assigned && thread.isAlive();
    }

    private void run() {
        try {
            List<TopicPartition> enriched = partitions(topics.enriched.name());
            List<TopicPartition> all = new ArrayList<>(enriched);
            all.addAll(partitions(topics.tagTrends.name()));
            all.addAll(partitions(topics.feedStatus.name()));
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> ends = consumer.endOffsets(enriched);
            ends.forEach((tp, end) -> consumer.seek(tp, Math.max(0, end - backlog)));
            assigned = true;
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    handle(r, ends);
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll.
        } catch (RuntimeException e) {
            log.error("monitor stopped reading the topics: {}", e.getMessage(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> partitions(String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private void handle(ConsumerRecord<byte[], byte[]> r, Map<TopicPartition, Long> backlogEnds) {
        if (r.value() == null) {
            return;
        }
        try {
            if (r.topic().equals(topics.enriched.name())) {
                EnrichedArticle article = topics.enriched.valueSerde().deserializer().deserialize(r.topic(), r.value());
                Long end = backlogEnds.get(new TopicPartition(r.topic(), r.partition()));
                board.article(article, end == null || r.offset() >= end);
            } else if (r.topic().equals(topics.tagTrends.name())) {
                TagTrend trend = topics.tagTrends.valueSerde().deserializer().deserialize(r.topic(), r.value());
                board.trend(trend);
            } else {
                FeedStatus status = topics.feedStatus.valueSerde().deserializer().deserialize(r.topic(), r.value());
                board.feed(status);
            }
        } catch (RuntimeException e) {
            log.warn("Skipping an unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
