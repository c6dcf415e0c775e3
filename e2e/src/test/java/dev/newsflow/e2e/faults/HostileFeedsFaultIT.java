package dev.newsflow.e2e.faults;

import static dev.newsflow.e2e.faults.Faults.assertExactlyOnce;
import static dev.newsflow.e2e.faults.Faults.awaitArchived;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.bench.ArchiveWatcher;
import dev.newsflow.bench.Pipeline;
import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.Json;
import dev.newsflow.core.TopicRecords;
import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile feeds served beside healthy ones: the healthy keep their schedule and every article; nothing leaks. */
@Tag("fault")
@KafkaBroker
class HostileFeedsFaultIT {

    private static final int ARTICLES = 1_000;
    private static final String CANARY_TEXT = "CANARY-7f3a-must-never-leave-this-file";

    @TempDir
    Path work;

    @Test
    void healthyFeedsKeepTheirScheduleWhileDripBombXxeLoopAndHugeFeedsFail(KafkaCluster kafka) throws Exception {
        Path canary = Files.writeString(work.resolve("canary.txt"), CANARY_TEXT);
        var plan = Faults.plan(5, ARTICLES, 25);
        // Hostile and healthy feeds all live on 127.0.0.1 here, so the per-host limit must not be what keeps
        // them apart: the test is about deadlines and caps.
        Map<String, String> settings = new HashMap<>(Faults.QUICK);
        settings.put("NEWSFLOW_INGEST_PER_HOST_CONCURRENCY", "16");
        try (HostileFeedServer hostile = new HostileFeedServer(canary);
             Pipeline pipeline = new Pipeline(Faults.ROOT, work, kafka.bootstrapServers(), plan, "1s", settings)) {
            pipeline.addFeeds(hostile.urls(), "1s").start();
            ArchiveWatcher watcher = new ArchiveWatcher(pipeline.archive());
            awaitArchived(pipeline, watcher, ARTICLES, Duration.ofMinutes(3));
            assertExactlyOnce(pipeline);

            Map<String, List<Instant>> polls = new HashMap<>();
            List<String> errors = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : TopicRecords.readAll(kafka.bootstrapServers(),
                    pipeline.topic("feed-status"))) {
                FeedStatus status = Json.MAPPER.readValue(r.value(), FeedStatus.class);
                polls.computeIfAbsent(status.feedUrl(), u -> new ArrayList<>()).add(status.polledAt());
                if (hostile.urls().contains(status.feedUrl()) && status.error() != null) {
                    errors.add(status.feedUrl());
                }
            }
            for (String healthy : pipeline.feeds().feedUrls()) {
                List<Instant> times = polls.getOrDefault(healthy, List.of());
                assertTrue(times.size() >= 10, healthy + " was polled only " + times.size() + " times");
                for (int i = 1; i < times.size(); i++) {
                    Duration gap = Duration.between(times.get(i - 1), times.get(i));
                    assertTrue(gap.compareTo(Duration.ofSeconds(5)) < 0, healthy + " waited " + gap + " between polls");
                }
            }
            for (String url : hostile.urls()) {
                if (!url.contains("drip")) {
                    assertTrue(errors.contains(url), url + " must be reported as failing in feed-status");
                }
            }
            for (String topic : List.of("raw", "enriched")) {
                for (ConsumerRecord<byte[], byte[]> r : TopicRecords.readAll(kafka.bootstrapServers(), pipeline.topic(topic))) {
                    assertFalse(new String(r.value(), StandardCharsets.UTF_8).contains(CANARY_TEXT),
                            "the XXE canary leaked into " + topic);
                }
            }
        }
    }
}
