package dev.newsflow.enrich;

import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.KafkaSettings;
import java.nio.file.Path;

/**
 * Enrich's settings, read once in {@code main}.
 *
 * @param applicationId the Streams application id: its consumer group and the prefix of its internal topics
 * @param stateDir      where Streams keeps its local state
 */
public record EnrichConfig(KafkaSettings kafka, String applicationId, Path stateDir, int threads) {

    public static EnrichConfig read(ConfigReader config) {
        return new EnrichConfig(
                KafkaSettings.read(config),
                config.string("enrich.application.id", "newsflow-enrich"),
                config.path("enrich.state.dir", Path.of(System.getProperty("java.io.tmpdir"), "newsflow-enrich")),
                config.integer("enrich.threads", 1, 1, 64));
    }
}
