package dev.newsflow.sink;

import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The sink's settings, read once in {@code main}; every key also has its {@code NEWSFLOW_...} variable.
 *
 * @param outputDir     where the JSON files go ({@code sink.output.dir}, {@code NEWSFLOW_SINK_OUTPUT_DIR})
 * @param groupId       the consumer group; its commits follow the archive, whose file names are the truth
 * @param startPosition where a partition with nothing archived yet and no committed offset starts
 * @param feedSize      how many articles each JSON Feed and {@code latest.json} hold (N, {@code sink.feed.size}, 50)
 * @param roll          when buffered lines become a final archive file: {@code sink.roll.max.records} (1000),
 *                      {@code sink.roll.max.bytes} (16 MiB, which also bounds the memory a partition holds)
 *                      and {@code sink.roll.max.age} (1 s, the bound on consume-to-final-file delay: readers
 *                      of a live news flow see an article within a second; under full load that is still
 *                      at most one file a second a partition)
 * @param retryBackoff  how long to wait before writing again after the output folder failed
 * @param failpoint     for crash tests only: where to halt as if killed
 * @param httpPort      where {@code /health}, {@code /ready} and {@code /metrics} are served ({@code http.port}, 8083)
 */
public record SinkConfig(KafkaSettings kafka, Path outputDir, String groupId, StartPosition startPosition,
                         int feedSize, RollPolicy roll, Duration retryBackoff, Failpoint failpoint, int httpPort) {

    /** Where a new consumer group starts reading {@code news.enriched}. */
    public enum StartPosition { EARLIEST, LATEST }

    private static final long KIB = 1024;

    public static SinkConfig read(ConfigReader config) {
        KafkaSettings kafka = KafkaSettings.read(config);
        Path outputDir = config.path("sink.output.dir", Path.of("out"));
        String groupId = config.string("sink.group.id", "newsflow-sink");
        StartPosition start = config.choice("sink.start.position", StartPosition.class, StartPosition.EARLIEST);
        int feedSize = config.integer("sink.feed.size", 50, 1, 1000);
        int maxRecords = config.integer("sink.roll.max.records", 1000, 1, 1_000_000);
        long maxBytes = config.longInteger("sink.roll.max.bytes", 16 * KIB * KIB, KIB, KIB * KIB * KIB);
        Duration maxAge = config.duration("sink.roll.max.age", Duration.ofSeconds(1), Duration.ofMillis(100),
                Duration.ofHours(1));
        Duration backoff = config.duration("sink.retry.backoff", Duration.ofSeconds(2), Duration.ofMillis(100),
                Duration.ofMinutes(5));
        Failpoint failpoint = config.choice("sink.failpoint", Failpoint.class, Failpoint.NONE);
        int httpPort = config.integer("http.port", 8083, 0, 65535);
        return new SinkConfig(kafka, outputDir, groupId, start, feedSize,
                new RollPolicy(maxRecords, maxBytes, maxAge), backoff, failpoint, httpPort);
    }
}
