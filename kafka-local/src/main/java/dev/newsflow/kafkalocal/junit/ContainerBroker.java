package dev.newsflow.kafkalocal.junit;

import dev.newsflow.kafkalocal.KafkaCluster;
import org.testcontainers.kafka.KafkaContainer;

/** Apache Kafka's own image in a Testcontainers container, for machines with a Docker engine. */
final class ContainerBroker implements KafkaCluster, AutoCloseable {

    static final String IMAGE = "apache/kafka:4.4.0";

    private final KafkaContainer container;

    private ContainerBroker(KafkaContainer container) {
        this.container = container;
    }

    static ContainerBroker start() {
        KafkaContainer container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        container.start();
        return new ContainerBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
