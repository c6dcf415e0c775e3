package dev.newsflow.monitor;

import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.KafkaSettings;
import java.util.Arrays;
import java.util.List;

/**
 * The monitor's settings, read once in {@code main}.
 *
 * @param httpPort      the live page and the ops endpoints
 * @param latest        how many recent articles the page keeps
 * @param watchedGroups the consumer groups whose lag the page shows
 */
public record MonitorConfig(KafkaSettings kafka, int httpPort, int latest, List<String> watchedGroups) {

    public static MonitorConfig read(ConfigReader config) {
        return new MonitorConfig(
                KafkaSettings.read(config),
                config.integer("http.port", 8080, 0, 65535),
                config.integer("monitor.latest", 100, 1, 10_000),
                Arrays.stream(config.string("monitor.groups", "newsflow-enrich,newsflow-sink").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList());
    }
}
