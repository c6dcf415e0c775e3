package dev.newsflow.ingest;

import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Ingest's settings, read once in {@code main}.
 *
 * @param feedsFile    the feed list ({@code NEWSFLOW_INGEST_FEEDS})
 * @param pollInterval how often each feed is polled unless its entry says otherwise
 * @param fetchTimeout the whole budget of one fetch, connect to last byte
 * @param maxFeedBytes the largest feed body read
 */
public record IngestConfig(KafkaSettings kafka, Path feedsFile, Duration pollInterval, Duration fetchTimeout,
                           long maxFeedBytes, String userAgent) {

    public static final String DEFAULT_USER_AGENT = "Newsflow/0.1 (+https://newsflow.dev/bot)";

    public static IngestConfig read(ConfigReader config) {
        return new IngestConfig(
                KafkaSettings.read(config),
                config.path("ingest.feeds", Path.of("config", "feeds.yaml")),
                config.duration("ingest.poll.interval", Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofDays(1)),
                config.duration("ingest.fetch.timeout", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(5)),
                config.longInteger("ingest.max.feed.bytes", 10L << 20, 1024, 1L << 30),
                config.string("ingest.user.agent", DEFAULT_USER_AGENT));
    }
}
