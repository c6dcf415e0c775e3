package dev.newsflow.kafkalocal;

/** A Kafka cluster a client can reach: a local child broker, a container, or one named by the environment. */
public interface KafkaCluster {

    /** The {@code bootstrap.servers} value for clients. */
    String bootstrapServers();
}
