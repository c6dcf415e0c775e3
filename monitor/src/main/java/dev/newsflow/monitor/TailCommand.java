package dev.newsflow.monitor;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.EntityTag;
import dev.newsflow.core.TopicTag;
import dev.newsflow.core.config.KafkaSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code newsflow tail [--topic ID] [--entity NAME] [--from-beginning]}: prints the enriched flow as it
 * arrives, one readable line per article. No consumer group: tailing commits nothing.
 */
final class TailCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private final String topic;
    private final String entity;
    private final boolean fromBeginning;

    private TailCommand(String topic, String entity, boolean fromBeginning) {
        this.topic = topic;
        this.entity = entity == null ? null : entity.toLowerCase(Locale.ROOT);
        this.fromBeginning = fromBeginning;
    }

    /** @throws IllegalArgumentException naming an unknown option */
    static TailCommand parse(List<String> args) {
        String topic = null;
        String entity = null;
        boolean beginning = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--topic" -> topic = value(args, ++i, "--topic");
                case "--entity" -> entity = value(args, ++i, "--entity");
                case "--from-beginning" -> beginning = true;
                default -> throw new IllegalArgumentException("unknown option '" + args.get(i)
                        + "'; usage: tail [--topic ID] [--entity NAME] [--from-beginning]");
            }
        }
        return new TailCommand(topic, entity, beginning);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    boolean accepts(EnrichedArticle a) {
        return (topic == null || a.hasTopic(topic))
                && (entity == null || a.entities().stream().anyMatch(e -> e.name().toLowerCase(Locale.ROOT).contains(entity)));
    }

    static String line(EnrichedArticle a) {
        String when = a.publishedAt() == null ? "--" : TIME.format(a.publishedAt().atZone(ZoneId.of("UTC")));
        String topics = a.topics().stream().map(TopicTag::id).collect(Collectors.joining(","));
        String entities = a.entities().stream().limit(5).map(EntityTag::name).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s [%s] %s%s%s", when, a.language() == null ? "??" : a.language(),
                a.title(), topics.isEmpty() ? "" : "  #" + topics.replace(",", " #"),
                entities.isEmpty() ? "" : "  (" + entities + ")");
    }

    /** Runs until interrupted. */
    void run(KafkaSettings kafka, PrintStream out) {
        Properties props = kafka.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var topics = kafka.topics();
        try (var consumer = new KafkaConsumer<>(props, topics.enriched.keySerde().deserializer(),
                topics.enriched.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.enriched.name(), Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            while (!Thread.currentThread().isInterrupted()) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && accepts(record.value())) {
                        out.println(line(record.value()));
                        out.flush();
                    }
                }
            }
        }
    }
}
