package dev.newsflow.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.bench.ArchiveWatcher;
import dev.newsflow.bench.Pipeline;
import dev.newsflow.bench.SyntheticFeedServer;
import dev.newsflow.kafkalocal.LocalKafka;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator probes on each service jar: {@code /health} alive, {@code /ready} false while the broker
 * is down and true again once it is back, and {@code /metrics} in Prometheus text with the service's own
 * counters and its Kafka clients' metrics.
 */
@KafkaBroker
class OpsEndpointsIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Map<String, List<String>> METRICS = Map.of(
            "ingest", List.of("newsflow_articles_fetched_total", "newsflow_articles_published_total",
                    "newsflow_feed_errors_total", "newsflow_feed_items_skipped_total",
                    "newsflow_fetch_duration_seconds_count", "kafka_producer_"),
            "enrich", List.of("newsflow_articles_tagged_total", "newsflow_articles_dead_lettered_total",
                    "kafka_stream_"),
            "sink", List.of("newsflow_articles_written_total", "newsflow_fetch_to_file_seconds_bucket",
                    "kafka_consumer_"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    @Test
    void everyServiceIsAliveReadyOnlyWithTheBrokerAndCountsItsWork(LocalKafka kafka) throws Exception {
        var plan = new SyntheticFeedServer.Plan(2, 40, 400, List.of("fr", "en"), 0, 40, false);
        try (Pipeline pipeline = new Pipeline(ROOT, work, kafka.bootstrapServers(), plan, "1s", Map.of())) {
            pipeline.start();
            ArchiveWatcher archive = new ArchiveWatcher(pipeline.archive());
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                pipeline.assertAlive();
                return archive.look() == plan.articles();
            });
            for (String service : Pipeline.SERVICES) {
                assertEquals(200, get(pipeline, service, "/health").statusCode(), service);
                await().atMost(Duration.ofSeconds(30)).until(() -> get(pipeline, service, "/ready").statusCode() == 200);
                String metrics = get(pipeline, service, "/metrics").body();
                for (String name : METRICS.get(service)) {
                    assertTrue(metrics.contains(name), service + " /metrics lacks " + name);
                }
                assertTrue(metrics.contains("service=\"" + service + "\""), service + " tags its metrics");
            }

            kafka.kill();
            for (String service : Pipeline.SERVICES) {
                await().atMost(Duration.ofSeconds(45)).until(() -> get(pipeline, service, "/ready").statusCode() == 503);
                assertEquals(200, get(pipeline, service, "/health").statusCode(), service + " is alive, only not ready");
            }
            kafka.restart();
            for (String service : Pipeline.SERVICES) {
                await().atMost(Duration.ofSeconds(120)).until(() -> get(pipeline, service, "/ready").statusCode() == 200);
            }
        }
    }

    private HttpResponse<String> get(Pipeline pipeline, String service, String path) throws Exception {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.httpPort(service) + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError(service + " does not answer on " + path + ": " + e + pipeline.logs(), e);
        }
    }
}
