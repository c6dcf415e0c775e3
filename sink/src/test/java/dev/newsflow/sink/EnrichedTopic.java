package dev.newsflow.sink;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.TopicAdmin;
import dev.newsflow.core.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A test's own {@code news.enriched} on the real broker: created under a unique prefix, filled in
 * transactions as enrich fills it (the sink reads read_committed), and asked what a group has committed.
 */
final class EnrichedTopic implements AutoCloseable {

    static final int PARTITIONS = 2;

    private final String bootstrap;
    private final Topics topics;
    private final KafkaProducer<String, EnrichedArticle> producer;
    private final Admin admin;

    EnrichedTopic(String bootstrap) {
        this.bootstrap = bootstrap;
        this.topics = Topics.withPrefix("t" + System.nanoTime());
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        TopicAdmin.ensureTopics(props, List.of(topics.enriched), PARTITIONS, Optional.empty());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        producer = new KafkaProducer<>(props, topics.enriched.keySerde().serializer(),
                topics.enriched.valueSerde().serializer());
        producer.initTransactions();
        admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    String prefix() {
        return topics.prefix();
    }

    String name() {
        return topics.enriched.name();
    }

    /** Publishes the articles in one transaction, keyed by id as enrich does. */
    void publish(List<EnrichedArticle> articles) {
        producer.beginTransaction();
        for (EnrichedArticle a : articles) {
            producer.send(new ProducerRecord<>(name(), a.id(), a));
        }
        producer.commitTransaction();
    }

    /**
     * True when the group has committed every partition up to its end, as a watcher of the group's lag sees
     * it: past the last record and past the marker that ends its transaction.
     */
    boolean committedToTheEnd(String groupId) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(name(), p), OffsetSpec.latest());
        }
        var ends = admin.listOffsets(latest).all().get();
        return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                || (committed.get(e.getKey()) != null
                && committed.get(e.getKey()).offset() == e.getValue().offset()));
    }

    /** What the group has committed, per partition (absent: nothing). */
    Map<TopicPartition, OffsetAndMetadata> committed(String groupId) throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    }

    String bootstrap() {
        return bootstrap;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }
}
