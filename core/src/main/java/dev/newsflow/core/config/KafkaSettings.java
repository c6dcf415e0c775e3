package dev.newsflow.core.config;

import dev.newsflow.core.TopicAdmin;
import dev.newsflow.core.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The Kafka settings every service shares, under the same keys and environment variables everywhere:
 * {@code NEWSFLOW_BOOTSTRAP_SERVERS}, {@code NEWSFLOW_TOPIC_PREFIX}, topic partitions and replication, and
 * any {@code kafka.*} setting passed to the clients as is ({@code NEWSFLOW_KAFKA_SECURITY_PROTOCOL=SASL_SSL}
 * becomes {@code security.protocol=SASL_SSL}), for clusters that need SASL or TLS.
 *
 * @param topicReplication -1 for the broker's default
 */
public record KafkaSettings(String bootstrapServers, String topicPrefix, int topicPartitions, int topicReplication,
                            Map<String, String> clientOverrides) {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    private static final String CLIENT_PREFIX = "kafka.";

    public KafkaSettings {
        clientOverrides = Map.copyOf(clientOverrides);
    }

    public static KafkaSettings read(ConfigReader config) {
        String bootstrap = config.string("bootstrap.servers", DEFAULT_BOOTSTRAP_SERVERS);
        String prefix = config.string("topic.prefix", Topics.DEFAULT_PREFIX);
        if (!Topics.isValidPrefix(prefix)) {
            config.problem("topic.prefix = '" + prefix + "' may hold only letters, digits, '.', '_' and '-'");
        }
        int partitions = config.integer("topic.partitions", 3, 1, 1000);
        int replication = config.integer("topic.replication", -1, -1, 32);
        if (replication == 0) {
            config.problem("topic.replication = '0' must be -1 (broker default) or at least 1");
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        config.group(CLIENT_PREFIX)
                .forEach((key, value) -> overrides.put(key.substring(CLIENT_PREFIX.length()), value.text()));
        return new KafkaSettings(bootstrap, prefix, partitions, replication, overrides);
    }

    /** Connection settings for any client: bootstrap servers plus the pass-through overrides. */
    public Properties clientProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.putAll(clientOverrides);
        return props;
    }

    public Topics topics() {
        return Topics.withPrefix(topicPrefix);
    }

    /** Creates this deployment's topics when missing. */
    public void ensureTopics() {
        TopicAdmin.ensureTopics(clientProperties(), topics().all(), topicPartitions,
                topicReplication < 0 ? Optional.empty() : Optional.of((short) topicReplication));
    }
}
