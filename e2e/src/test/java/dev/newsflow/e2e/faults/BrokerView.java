package dev.newsflow.e2e.faults;

import dev.newsflow.bench.Pipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker holds for a pipeline, for a fault test that gave up waiting: each partition of the article
 * topics and of enrich's changelogs with its high watermark, its last stable offset, where each group has
 * committed, and the transactions open on it. A last stable offset held below the high watermark is a
 * transaction that read_committed readers (enrich, its state restoration, the sink) wait behind; a group
 * committed below it with nothing moving is a stalled reader.
 */
final class BrokerView {

    private static final List<String> TOPICS = List.of("raw", "ingest-state", "enriched");
    private static final List<String> GROUPS = List.of("newsflow-enrich", "newsflow-sink");
    /** Enrich's internal topics are named after its application id, which every pipeline here shares. */
    private static final String ENRICH_INTERNAL = "newsflow-enrich-";
    private static final long TIMEOUT_SECONDS = 10;

    private BrokerView() {
    }

    static String of(Pipeline pipeline) {
        Properties props = new Properties();
        props.put("bootstrap.servers", pipeline.bootstrapServers());
        props.put("request.timeout.ms", Long.toString(Duration.ofSeconds(TIMEOUT_SECONDS).toMillis()));
        props.put("default.api.timeout.ms", Long.toString(Duration.ofSeconds(TIMEOUT_SECONDS).toMillis()));
        StringBuilder view = new StringBuilder("\n===== the broker's view =====");
        try (Admin admin = Admin.create(props)) {
            List<String> topics = new ArrayList<>(TOPICS.stream().map(pipeline::topic).toList());
            admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(ENRICH_INTERNAL) && t.endsWith("-changelog")).forEach(topics::add);
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            Map<TopicPartition, Long> highWatermarks = ends(admin, partitions, IsolationLevel.READ_UNCOMMITTED);
            Map<TopicPartition, Long> lastStable = ends(admin, partitions, IsolationLevel.READ_COMMITTED);
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            for (String group : GROUPS) {
                committed.put(group, admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            var producers = admin.describeProducers(partitions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, TopicPartition> sorted = new TreeMap<>();
            partitions.forEach(tp -> sorted.put(tp.toString(), tp));
            for (TopicPartition tp : sorted.values()) {
                view.append('\n').append(tp).append(": high watermark ").append(highWatermarks.get(tp))
                        .append(", last stable ").append(lastStable.get(tp));
                committed.forEach((group, offsets) -> {
                    if (offsets.get(tp) != null) {
                        view.append(", ").append(group).append(" at ").append(offsets.get(tp).offset());
                    }
                });
                for (ProducerState producer : producers.get(tp).activeProducers()) {
                    if (producer.currentTransactionStartOffset().isPresent()) {
                        view.append("; open transaction from offset ")
                                .append(producer.currentTransactionStartOffset().getAsLong())
                                .append(" by producer ").append(producer.producerId())
                                .append(" epoch ").append(producer.producerEpoch())
                                .append(", its last record stamped ")
                                .append(Instant.ofEpochMilli(producer.lastTimestamp()));
                    }
                }
            }
        } catch (Exception e) {
            view.append("\n(could not read it: ").append(e).append(')');
        }
        return view.toString();
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<TopicPartition> partitions,
                                                  IsolationLevel isolation) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }
}
