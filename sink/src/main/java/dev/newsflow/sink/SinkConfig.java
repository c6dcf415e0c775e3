package dev.newsflow.sink;

import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.KafkaSettings;
import java.nio.file.Path;

/**
 * The sink's settings, read once in {@code main}.
 *
 * @param outputDir where the JSON files go ({@code NEWSFLOW_SINK_OUTPUT_DIR})
 * @param groupId   the consumer group; its committed offsets say what the files already hold
 */
public record SinkConfig(KafkaSettings kafka, Path outputDir, String groupId, StartPosition startPosition) {

    /** Where a new consumer group starts reading {@code news.enriched}. */
    public enum StartPosition { EARLIEST, LATEST }

    public static SinkConfig read(ConfigReader config) {
        return new SinkConfig(
                KafkaSettings.read(config),
                config.path("sink.output.dir", Path.of("out")),
                config.string("sink.group.id", "newsflow-sink"),
                config.choice("sink.start.position", StartPosition.class, StartPosition.EARLIEST));
    }
}
