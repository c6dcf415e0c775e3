package dev.newsflow.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * How many offsets each topic of a run took, internal topics included: what the broker had to store and
 * serve for the articles, which explains its share of the machine. Offsets count transaction markers too.
 */
final class TopicVolumes {

    private TopicVolumes() {
    }

    /** @return offsets per topic, by name, for every topic but the broker's own */
    static Map<String, Long> of(String bootstrap) throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            var names = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            Map<String, Long> offsets = new TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, end) ->
                    offsets.merge(partition.topic(), end.offset(), Long::sum));
            return offsets;
        }
    }
}
