package dev.newsflow.enrich;

import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.KafkaSettings;
import dev.newsflow.enrich.tagging.LanguageGuesser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Enrich's settings, read once in {@code main}.
 *
 * @param applicationId the Streams application id: its consumer group and the prefix of its internal topics
 * @param stateDir      where Streams keeps its local state
 * @param dedupTtl      how long an article id is remembered to drop repeats
 * @param taxonomyFile  the taxonomy to start with; empty for the one bundled in the jar. A document
 *                      published on the taxonomy topic replaces it either way.
 * @param languageAccuracy HIGH (about 120 MB of models, best on headlines) or LOW (about 13 MB)
 * @param httpPort      where {@code /health}, {@code /ready} and {@code /metrics} are served ({@code http.port}, 8082)
 * @param stallTimeout  how long the Streams client may go without progress, with the broker up and the client out
 *                      of the running state or records waiting for it, before it is replaced ({@link StallWatch});
 *                      longer than an honest rebalance
 * @param threads       stream threads: tasks are shared among them, so one instance uses more than one core
 */
public record EnrichConfig(KafkaSettings kafka, String applicationId, Path stateDir,
                           Duration dedupTtl, Optional<Path> taxonomyFile,
                           LanguageGuesser.Accuracy languageAccuracy, int httpPort, Duration stallTimeout,
                           int threads) {

    static final String BUNDLED = "bundled";

    public static EnrichConfig read(ConfigReader config) {
        String taxonomy = config.string("enrich.taxonomy.file", BUNDLED);
        Optional<Path> taxonomyFile = taxonomy.equals(BUNDLED) ? Optional.empty() : Optional.of(Path.of(taxonomy));
        taxonomyFile.filter(file -> !Files.isReadable(file)).ifPresent(file ->
                config.problem("enrich.taxonomy.file = '" + file + "' is not a readable file"));
        return new EnrichConfig(
                KafkaSettings.read(config),
                config.string("enrich.application.id", "newsflow-enrich"),
                config.path("enrich.state.dir", Path.of(System.getProperty("java.io.tmpdir"), "newsflow-enrich")),
                config.duration("enrich.dedup.ttl", Duration.ofDays(7), Duration.ofMinutes(1), Duration.ofDays(365)),
                taxonomyFile,
                config.choice("enrich.language.accuracy", LanguageGuesser.Accuracy.class,
                        LanguageGuesser.Accuracy.HIGH),
                config.integer("http.port", 8082, 0, 65535),
                config.duration("enrich.stall.timeout", Duration.ofMinutes(10), Duration.ofSeconds(30),
                        Duration.ofDays(1)),
                config.integer("enrich.threads", 2, 1, 64));
    }
}
