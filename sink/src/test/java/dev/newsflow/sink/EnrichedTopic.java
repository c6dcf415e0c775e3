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
import org.apache.kafka.common.errors.InvalidTxnStateException;

/**
 * A test's own {@code news.enriched} on the real broker: created under a unique prefix, filled in
 * transactions as enrich fills it (the sink reads read_committed), and asked what a group has committed.
 */
final class EnrichedTopic implements AutoCloseable {

    static final int PARTITIONS = 2;

    private final String bootstrap;
    private final Topics topics;
    private final Properties producerProps = new Properties();
    private KafkaProducer<String, EnrichedArticle> producer;
    private final Admin admin;

    EnrichedTopic(String bootstrap) {
        this.bootstrap = bootstrap;
        this.topics = Topics.withPrefix("t" + System.nanoTime());
        producerProps.put("bootstrap.servers", bootstrap);
        TopicAdmin.ensureTopics(producerProps, List.of(topics.enriched), PARTITIONS, Optional.empty());
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID());
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        producer = newProducer();
        admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    private KafkaProducer<String, EnrichedArticle> newProducer() {
        var fresh = new KafkaProducer<>(producerProps, topics.enriched.keySerde().serializer(),
                topics.enriched.valueSerde().serializer());
        fresh.initTransactions();
        return fresh;
    }

    String prefix() {
        return topics.prefix();
    }

    String name() {
        return topics.enriched.name();
    }

    /**
     * Publishes the articles in one transaction, keyed by id as enrich does. A producer whose commit Kafka
     * refused as an invalid transaction state is replaced and the transaction made once more, as ingest and
     * enrich replace theirs: Kafka 4.4 once refused a first commit sent 36 ms after initTransactions, its
     * coordinator logging the transaction still EMPTY and neither partition holding a record, so nothing of
     * it can be read twice. Anything else still fails the test.
     */
    void publish(List<EnrichedArticle> articles) {
        try {
            transaction(articles);
        } catch (InvalidTxnStateException e) {
            producer.close(Duration.ZERO);
            producer = newProducer();
            transaction(articles);
        }
    }

    private void transaction(List<EnrichedArticle> articles) {
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
