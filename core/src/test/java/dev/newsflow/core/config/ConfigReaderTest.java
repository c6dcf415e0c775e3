package dev.newsflow.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsApplyAndTheSummarySaysSo() {
        var reader = new ConfigReader(ConfigSource.of(null, Map.of()));
        var kafka = KafkaSettings.read(reader);
        assertEquals("localhost:9092", kafka.bootstrapServers());
        assertEquals("news", kafka.topicPrefix());
        assertTrue(reader.done().contains("bootstrap.servers=localhost:9092 (default)"));
    }

    @Test
    void environmentWinsOverTheFileWhichWinsOverDefaults() throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), """
                bootstrap.servers: file:9092
                topic:
                  prefix: fromfile
                  partitions: 6
                """);
        var reader = new ConfigReader(ConfigSource.of(file, Map.of("NEWSFLOW_BOOTSTRAP_SERVERS", "env:9092")));
        var kafka = KafkaSettings.read(reader);
        assertEquals("env:9092", kafka.bootstrapServers());
        assertEquals("fromfile", kafka.topicPrefix());
        assertEquals(6, kafka.topicPartitions());
        assertTrue(reader.done().contains("bootstrap.servers=env:9092 (environment NEWSFLOW_BOOTSTRAP_SERVERS)"));
    }

    @Test
    void reportsEveryBadValueWithItsKeyAndOrigin() {
        var reader = new ConfigReader(ConfigSource.of(null, Map.of(
                "NEWSFLOW_TOPIC_PARTITIONS", "lots",
                "NEWSFLOW_TOPIC_PREFIX", "bad prefix",
                "NEWSFLOW_POLL_INTERVAL", "soon")));
        KafkaSettings.read(reader);
        reader.duration("poll.interval", Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofDays(1));
        var e = assertThrows(ConfigException.class, reader::done);
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("topic.partitions = 'lots' (from environment NEWSFLOW_TOPIC_PARTITIONS)"
                + " must be a whole number"), e.getMessage());
        assertTrue(e.getMessage().contains("poll.interval = 'soon'"), e.getMessage());
        assertTrue(e.getMessage().contains("topic.prefix = 'bad prefix'"), e.getMessage());
    }

    @Test
    void readsDurationsInShortAndIsoForms() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofHours(2), Durations.parse("PT2H"));
    }

    @Test
    void passesKafkaClientSettingsThrough() {
        var reader = new ConfigReader(ConfigSource.of(null, Map.of(
                "NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "NEWSFLOW_KAFKA_SASL_MECHANISM", "PLAIN")));
        var props = KafkaSettings.read(reader).clientProperties();
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("PLAIN", props.get("sasl.mechanism"));
    }
}
