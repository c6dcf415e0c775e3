package dev.newsflow.monitor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.kafkalocal.LocalKafka;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The endpoints an operator probes: alive, ready only while the broker answers, and Prometheus metrics. */
@KafkaBroker
class MonitorOpsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void isReadyOnlyWhileTheBrokerAnswersAndServesPrometheusMetrics(LocalKafka kafka) throws Exception {
        MonitorFixture fixture = new MonitorFixture(kafka);
        try (MonitorService monitor = new MonitorService(fixture.config, Clock.systemUTC())) {
            monitor.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> status(monitor, "/ready") == 200);
            assertEquals(200, status(monitor, "/health"));
            String metrics = get(monitor, "/metrics").body();
            assertTrue(metrics.contains("newsflow_monitor_articles_per_minute{service=\"monitor\"}"), metrics);
            assertTrue(metrics.contains("kafka_consumer_"), "Kafka client metrics are bound");

            kafka.kill();
            await().atMost(Duration.ofSeconds(45)).until(() -> status(monitor, "/ready") == 503);
            assertEquals(200, status(monitor, "/health"), "alive, only not ready");
            assertTrue(get(monitor, "/ready").body().contains("\"broker\":false"));

            kafka.restart();
            await().atMost(Duration.ofSeconds(60)).until(() -> status(monitor, "/ready") == 200);
        }
    }

    private int status(MonitorService monitor, String path) throws Exception {
        return get(monitor, path).statusCode();
    }

    private HttpResponse<String> get(MonitorService monitor, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitor.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
