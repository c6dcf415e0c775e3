package dev.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.config.ConfigException;
import dev.newsflow.core.config.ConfigFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkConfigTest {

    private static SinkConfig read(Map<String, String> env) {
        return ConfigFixtures.fromEnvironment(env, SinkConfig::read);
    }

    @Test
    void hasDocumentedDefaults() {
        SinkConfig config = read(Map.of());
        assertEquals(Path.of("out"), config.outputDir());
        assertEquals("newsflow-sink", config.groupId());
        assertEquals(SinkConfig.StartPosition.EARLIEST, config.startPosition());
        assertEquals(50, config.feedSize());
        assertEquals(new RollPolicy(1000, 16L * 1024 * 1024, Duration.ofSeconds(1)), config.roll());
        assertEquals(Failpoint.NONE, config.failpoint());
    }

    @Test
    void takesEverySettingFromTheEnvironment() {
        SinkConfig config = read(Map.of(
                "NEWSFLOW_SINK_OUTPUT_DIR", "/data/out",
                "NEWSFLOW_SINK_GROUP_ID", "archive",
                "NEWSFLOW_SINK_START_POSITION", "latest",
                "NEWSFLOW_SINK_FEED_SIZE", "20",
                "NEWSFLOW_SINK_ROLL_MAX_RECORDS", "10",
                "NEWSFLOW_SINK_ROLL_MAX_BYTES", "4096",
                "NEWSFLOW_SINK_ROLL_MAX_AGE", "750ms",
                "NEWSFLOW_SINK_RETRY_BACKOFF", "1s",
                "NEWSFLOW_SINK_FAILPOINT", "after-rename"));
        assertEquals(Path.of("/data/out"), config.outputDir());
        assertEquals("archive", config.groupId());
        assertEquals(SinkConfig.StartPosition.LATEST, config.startPosition());
        assertEquals(20, config.feedSize());
        assertEquals(new RollPolicy(10, 4096, Duration.ofMillis(750)), config.roll());
        assertEquals(Duration.ofSeconds(1), config.retryBackoff());
        assertEquals(Failpoint.AFTER_RENAME, config.failpoint());
    }

    @Test
    void reportsEveryBadSettingAtOnceNamingKeyAndValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> read(Map.of(
                "NEWSFLOW_SINK_FEED_SIZE", "0",
                "NEWSFLOW_SINK_ROLL_MAX_AGE", "forever",
                "NEWSFLOW_SINK_START_POSITION", "middle")));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("sink.feed.size = '0'"), e.getMessage());
        assertTrue(e.getMessage().contains("sink.roll.max.age = 'forever'"), e.getMessage());
        assertTrue(e.getMessage().contains("sink.start.position = 'middle'"), e.getMessage());
    }
}
