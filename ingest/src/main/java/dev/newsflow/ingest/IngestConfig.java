package dev.newsflow.ingest;

import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Ingest's settings, read once in {@code main}; every key also reads from {@code NEWSFLOW_<KEY>}.
 *
 * @param feedsFile          the feed list, YAML or OPML ({@code ingest.feeds}, {@code NEWSFLOW_INGEST_FEEDS})
 * @param pollInterval       how often each feed is polled unless its entry says otherwise
 * @param fetchTimeout       the whole budget of one fetch, connect to last byte, redirects included
 * @param connectTimeout     the budget of one TCP/TLS connect
 * @param maxFeedBytes       the largest feed body read, counted after decompression
 * @param jitterPercent      each delay is moved by up to this share, so feeds do not poll in herds
 * @param backoffCeiling     the longest wait between two polls of a feed, failing, dead or throttled
 * @param perHostConcurrency fetches at once against one host
 * @param maxInFlight        fetches at once in all: bounds memory whatever the number of feeds
 * @param workers            threads that parse and publish
 * @param deadAfter404s      consecutive 404s that mark a feed dead
 * @param stateCapacity      article ids remembered for dedup
 * @param httpPort           where {@code /health}, {@code /ready} and {@code /metrics} are served ({@code http.port}, 8081)
 * @param transactionalId    the Kafka {@code transactional.id} articles and state are committed under
 *                           ({@code ingest.transactional.id}, {@code newsflow-ingest}): one per running ingest on a
 *                           cluster; a second ingest with the same id fences the first, which then stops
 */
public record IngestConfig(KafkaSettings kafka, Path feedsFile, Duration pollInterval, Duration fetchTimeout,
                           Duration connectTimeout, long maxFeedBytes, String userAgent, int jitterPercent,
                           Duration backoffCeiling, int perHostConcurrency, int maxInFlight, int workers,
                           int deadAfter404s, int stateCapacity, int httpPort, String transactionalId) {

    public static final String DEFAULT_USER_AGENT = "Newsflow/0.1 (+https://newsflow.dev/bot)";
    public static final String DEFAULT_TRANSACTIONAL_ID = "newsflow-ingest";
    private static final String TRANSACTIONAL_ID_KEY = "ingest.transactional.id";

    public static IngestConfig read(ConfigReader config) {
        String transactionalId = config.string(TRANSACTIONAL_ID_KEY, DEFAULT_TRANSACTIONAL_ID);
        if (!isValidTransactionalId(transactionalId)) {
            config.problem(TRANSACTIONAL_ID_KEY + " = '" + transactionalId + "' may hold only letters, digits, '.', "
                    + "'_' and '-', at most 200 of them");
        }
        return new IngestConfig(
                KafkaSettings.read(config),
                config.path("ingest.feeds", Path.of("config", "feeds.yaml")),
                config.duration("ingest.poll.interval", Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofDays(1)),
                config.duration("ingest.fetch.timeout", Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMinutes(5)),
                config.duration("ingest.connect.timeout", Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMinutes(1)),
                config.longInteger("ingest.max.feed.bytes", 10L << 20, 1024, 1L << 30),
                config.string("ingest.user.agent", DEFAULT_USER_AGENT),
                config.integer("ingest.poll.jitter.percent", 10, 0, 50),
                config.duration("ingest.backoff.ceiling", Duration.ofHours(6), Duration.ofSeconds(1), Duration.ofDays(7)),
                config.integer("ingest.per.host.concurrency", 2, 1, 1000),
                config.integer("ingest.max.in.flight", 64, 1, 10_000),
                config.integer("ingest.workers", 2, 1, 64),
                config.integer("ingest.dead.after.404s", 3, 1, 1000),
                config.integer("ingest.state.capacity", ArticleLedger.DEFAULT_CAPACITY, 1000, 50_000_000),
                config.integer("http.port", 8081, 0, 65535),
                transactionalId);
    }

    /** Kafka takes any string; a plain one reads the same in logs, ACLs and the shell. */
    static boolean isValidTransactionalId(String id) {
        return id.matches("[A-Za-z0-9._-]{1,200}");
    }

    public FetchLimits fetchLimits() {
        return new FetchLimits(connectTimeout, fetchTimeout, maxFeedBytes, FetchLimits.MAX_REDIRECTS);
    }
}
