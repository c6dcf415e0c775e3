package dev.newsflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Answers "was every served article delivered exactly once, in order?" for the sink's archive and for the
 * enriched topic. An article version is its id and version number: an update is a new version, not a copy.
 */
public final class DeliveryChecker {

    private final Set<String> expected;

    /** @param expected the served article versions, each as {@link #key(String, int)} */
    public DeliveryChecker(Set<String> expected) {
        this.expected = Set.copyOf(expected);
    }

    public static String key(String id, int version) {
        return id + "#v" + version;
    }

    /** Checks every {@code *.jsonl} line under {@code archive}, read in file-name order, line by line. */
    public DeliveryReport checkArchive(Path archive) {
        List<ArticleStamp> lines = new ArrayList<>();
        if (Files.isDirectory(archive)) {
            try (Stream<Path> files = Files.walk(archive)) {
                for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                        .sorted(Comparator.comparing(Path::toString)).toList()) {
                    ArticleStamp.readLines(file, ArticleStamp.Extent.WHOLE_LINE, lines::add);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the archive " + archive, e);
            }
        }
        return check("archive " + archive, lines);
    }

    /** Checks the committed records of {@code topic} from the beginning to its current end. */
    public DeliveryReport checkTopic(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("isolation.level", "read_committed");
        props.put("group.id", "delivery-checker-" + UUID.randomUUID());
        props.put("enable.auto.commit", "false");
        List<ArticleStamp> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 5 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null) {
                        values.add(ArticleStamp.read(r.value(), 0, r.value().length, ArticleStamp.Extent.WHOLE_LINE,
                                () -> topic + "-" + r.partition() + "@" + r.offset()));
                    }
                }
            }
        }
        return check("topic " + topic, values);
    }

    private DeliveryReport check(String place, List<ArticleStamp> received) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Integer> lastVersion = new HashMap<>();
        Set<String> outOfOrder = new TreeSet<>();
        for (ArticleStamp article : received) {
            counts.merge(article.key(), 1, Integer::sum);
            Integer before = lastVersion.put(article.id(), article.version());
            if (before != null && before > article.version()) {
                outOfOrder.add(article.id());
            }
        }
        List<String> lost = expected.stream().filter(k -> !counts.containsKey(k)).sorted().toList();
        Map<String, Integer> duplicated = new LinkedHashMap<>();
        counts.forEach((k, n) -> {
            if (n > 1) {
                duplicated.put(k, n);
            }
        });
        return new DeliveryReport(place, expected.size(), received.size(), lost, duplicated, List.copyOf(outOfOrder));
    }
}
