package dev.newsflow.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.Json;
import dev.newsflow.core.TopicRecords;
import dev.newsflow.core.config.KafkaSettings;
import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dedup and conditional-GET state live in Kafka: a restarted ingest neither republishes nor refetches. */
@KafkaBroker
class IngestRestartIT {

    @Test
    void keepsDedupAndValidatorsAcrossARestart(KafkaCluster kafka) throws IOException {
        String prefix = "t" + System.nanoTime();
        KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), prefix, 1, -1, Map.of());
        settings.ensureTopics();
        try (FeedFixtureServer server = new FeedFixtureServer()) {
            String conditional = server.serveConditional("/c.xml", "application/rss+xml",
                    Fixtures.rss(Fixtures.item("Kept", "http://example.org/kept", null, "d")), "\"v1\"",
                    "Tue, 24 Nov 2026 10:00:00 GMT");
            String plain = server.serve("/p.xml", "application/rss+xml",
                    Fixtures.rss(Fixtures.item("Plain", "http://example.org/plain", null, "d")));
            List<FeedSource> feeds = List.of(new FeedSource(conditional, null, null, null),
                    new FeedSource(plain, null, null, null));
            IngestConfig config = new IngestConfig(settings, Path.of("unused"), Duration.ofHours(1), Duration.ofSeconds(5),
                    Duration.ofSeconds(2), 1 << 20, "test", 0, Duration.ofHours(6), 2, 16, 1, 3, 1000, 0);

            runUntil(config, feeds, () -> statuses(kafka, prefix).size() >= 2);
            assertEquals(2, raw(kafka, prefix));

            runUntil(config, feeds, () -> statuses(kafka, prefix).size() >= 4);
            List<FeedStatus> second = statuses(kafka, prefix).subList(2, 4);
            assertEquals(2, raw(kafka, prefix), "nothing republished after the restart");
            assertEquals(FeedStatus.Outcome.NOT_MODIFIED, second.stream()
                    .filter(s -> s.feedUrl().equals(conditional)).findFirst().orElseThrow().outcome());
            FeedStatus plainAgain = second.stream().filter(s -> s.feedUrl().equals(plain)).findFirst().orElseThrow();
            assertEquals(0, plainAgain.newItems());
            assertEquals(1, plainAgain.unchangedItems());
            assertEquals("\"v1\"", server.requests("/c.xml").get(1).headers().get("if-none-match"));
        }
    }

    private static void runUntil(IngestConfig config, List<FeedSource> feeds, java.util.concurrent.Callable<Boolean> done)
            throws IOException {
        try (IngestService service = new IngestService(config, feeds, Clock.systemUTC())) {
            service.start();
            await().atMost(Duration.ofSeconds(60)).until(done);
        }
    }

    private static int raw(KafkaCluster kafka, String prefix) {
        return TopicRecords.readAll(kafka.bootstrapServers(), prefix + ".raw").size();
    }

    private static List<FeedStatus> statuses(KafkaCluster kafka, String prefix) {
        return TopicRecords.readAll(kafka.bootstrapServers(), prefix + ".feed-status").stream().map(r -> {
            try {
                return Json.MAPPER.readValue(r.value(), FeedStatus.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
