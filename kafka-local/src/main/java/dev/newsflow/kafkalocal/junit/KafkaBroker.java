package dev.newsflow.kafkalocal.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class one Kafka broker, shared by its tests, injected as a
 * {@link dev.newsflow.kafkalocal.KafkaCluster} parameter. The broker is {@code KAFKA_BOOTSTRAP_SERVERS} when
 * set; else a Testcontainers Kafka when a Docker engine answers; else a kafka-local child broker.
 * A parameter of type {@link dev.newsflow.kafkalocal.LocalKafka} always gets a child broker, for tests
 * that kill and restart it. A child broker's folder, with its log, is kept when a test of the class fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KafkaBrokerExtension.class)
public @interface KafkaBroker {
}
