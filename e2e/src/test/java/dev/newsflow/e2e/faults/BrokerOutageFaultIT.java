package dev.newsflow.e2e.faults;

import static dev.newsflow.e2e.faults.Faults.assertExactlyOnce;
import static dev.newsflow.e2e.faults.Faults.awaitArchived;
import static org.awaitility.Awaitility.await;

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
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker down for a minute: every service says it is not ready, then recovers by itself, losing nothing.
 * Enrich runs as two instances of one application, as it scales, each with its two stream threads (four
 * threads sharing the tasks of three partitions): after the outage they rejoin one group, each instance with
 * its own state, while a thread may be being replaced after dying on a send that outwaited the outage.
 */
@Tag("fault")
@KafkaBroker
class BrokerOutageFaultIT {

    private static final int ARTICLES = 3_000;
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    @Test
    void aMinuteWithoutTheBrokerIsReportedAsNotReadyAndRecoveredFromWithoutLossOrDuplicates(LocalKafka kafka)
            throws Exception {
        var plan = new SyntheticFeedServer.Plan(20, ARTICLES / 20, 600, List.of("fr", "en"), 100, 200, false);
        try (Pipeline pipeline = new Pipeline(Faults.ROOT, work, kafka.bootstrapServers(), plan, "1s", Faults.QUICK)) {
            pipeline.start("sink", "enrich", "enrich-2", "ingest");
            ArchiveWatcher watcher = new ArchiveWatcher(pipeline.archive());
            awaitArchived(pipeline, watcher, ARTICLES / 6, Duration.ofMinutes(2));
            await().atMost(Duration.ofSeconds(60)).until(() -> allReady(pipeline, 200));

            kafka.kill();
            await().atMost(Duration.ofSeconds(45)).until(() -> allReady(pipeline, 503));
            // Through the rest of the outage every service stays up and keeps saying it is not ready.
            await().during(OUTAGE.minusSeconds(15)).atMost(OUTAGE).until(() -> {
                pipeline.assertAlive();
                return allReady(pipeline, 503);
            });

            kafka.restart();
            try {
                await().atMost(Duration.ofSeconds(120)).until(() -> allReady(pipeline, 200));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("not every service recovered within 120 s of the broker's return: "
                        + readinessReport(pipeline) + "\n" + pipeline.logsWithThreads(), e);
            }
            awaitArchived(pipeline, watcher, ARTICLES, Duration.ofMinutes(4));
            assertExactlyOnce(pipeline);
        }
    }

    private boolean allReady(Pipeline pipeline, int status) {
        for (String service : pipeline.running().keySet()) {
            if (readiness(pipeline.httpPort(service)) != status) {
                return false;
            }
        }
        return true;
    }

    /** Each service's /ready answer, which names the check that fails. */
    private String readinessReport(Pipeline pipeline) {
        StringBuilder report = new StringBuilder();
        for (String service : pipeline.running().keySet()) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + pipeline.httpPort(service) + "/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                report.append('\n').append(service).append(": ").append(answer.statusCode()).append(' ')
                        .append(answer.body());
            } catch (Exception e) {
                report.append('\n').append(service).append(": no answer (").append(e).append(')');
            }
        }
        return report.toString();
    }

    private int readiness(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
