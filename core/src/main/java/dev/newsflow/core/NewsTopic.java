package dev.newsflow.core;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * One Kafka topic of Newsflow: its name with its key and value serdes, and the topic configs it is
 * created with. Obtain them from {@link Topics}; no topic name is written anywhere else.
 */
public record NewsTopic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {
    public NewsTopic {
        configs = Map.copyOf(configs);
    }
}
