package dev.newsflow.e2e.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.bench.ArchiveWatcher;
import dev.newsflow.bench.DeliveryReport;
import dev.newsflow.bench.Pipeline;
import dev.newsflow.bench.SyntheticFeedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/** What every fault test does: wait for the archive to reach a count, and check delivery at the end. */
final class Faults {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /**
     * Short group timeouts, so that a killed or frozen member is declared gone within seconds: a test spends
     * its time on faults, not on the default 45 s session timeout. With rebalances that short, enrich may call
     * its client stalled after 45 s instead of 10 minutes, well inside the tests' waits. The Kafka clients log
     * at INFO: producer epochs, fencing and rebalances are what explain a failed fault test, whose logs are kept.
     */
    static final Map<String, String> QUICK = Map.of(
            "NEWSFLOW_KAFKA_SESSION_TIMEOUT_MS", "6000",
            "NEWSFLOW_KAFKA_HEARTBEAT_INTERVAL_MS", "1500",
            "NEWSFLOW_ENRICH_STALL_TIMEOUT", "45s",
            "NEWSFLOW_KAFKA_LOG_LEVEL", "INFO");

    private Faults() {
    }

    /**
     * Made-up feeds releasing {@code articles} at {@code perSecond}, spread over {@code feeds}. Each feed shows
     * every article it has released, so no outage can push an article out of a feed before ingest reads it:
     * any loss the checker finds is the pipeline's.
     */
    static SyntheticFeedServer.Plan plan(int feeds, int articles, double perSecond) {
        return new SyntheticFeedServer.Plan(feeds, articles / feeds, 500, List.of("fr", "en"), perSecond,
                articles / feeds, false);
    }

    /** Waits until the archive holds at least {@code count} article versions; fails early if a service died. */
    static void awaitArchived(Pipeline pipeline, ArchiveWatcher watcher, int count, Duration atMost)
            throws InterruptedException {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
                pipeline.assertAlive();
                return watcher.look() >= count;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the archive did not reach " + count + " articles in " + atMost + ":"
                    + whereTheArticlesAre(pipeline) + BrokerView.of(pipeline) + pipeline.logsWithThreads(), e);
        } catch (RuntimeException e) {
            throw new AssertionError("the archive did not reach " + count + " articles:" + pipeline.logs(), e);
        }
    }

    /**
     * How far the served articles got: into the raw topic (ingest's work), the enriched topic (enrich's), the
     * archive (the sink's). The topics are read as the services read them, committed records only.
     */
    private static String whereTheArticlesAre(Pipeline pipeline) {
        StringBuilder where = new StringBuilder("\n===== where the served articles are =====");
        for (String topic : List.of("raw", "enriched")) {
            try {
                where.append('\n').append(pipeline.checker().checkTopic(pipeline.bootstrapServers(),
                        pipeline.topic(topic)).summary());
            } catch (RuntimeException e) {
                where.append("\n(could not read ").append(pipeline.topic(topic)).append(": ").append(e).append(')');
            }
        }
        return where.append('\n').append(pipeline.checker().checkArchive(pipeline.archive()).summary()).toString();
    }

    /** Asserts that the archive and the enriched topic hold every served article exactly once. */
    static void assertExactlyOnce(Pipeline pipeline) {
        DeliveryReport archive = pipeline.checker().checkArchive(pipeline.archive());
        DeliveryReport topic = pipeline.checker().checkTopic(pipeline.bootstrapServers(), pipeline.topic("enriched"));
        assertTrue(archive.clean(), archive.summary());
        assertTrue(topic.clean(), topic.summary());
    }
}
