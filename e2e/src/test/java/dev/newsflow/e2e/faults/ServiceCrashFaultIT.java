package dev.newsflow.e2e.faults;

import static dev.newsflow.e2e.faults.Faults.assertExactlyOnce;
import static dev.newsflow.e2e.faults.Faults.awaitArchived;

import dev.newsflow.bench.ArchiveWatcher;
import dev.newsflow.bench.Pipeline;
import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each service killed with -9 in turn, then all three at once, each restarted: nothing lost, nothing doubled. */
@Tag("fault")
@KafkaBroker
class ServiceCrashFaultIT {

    private static final int ARTICLES = 6_000;

    @TempDir
    Path work;

    @Test
    void killingIngestEnrichAndSinkInTurnAndTogetherLosesAndDoublesNothing(KafkaCluster kafka) throws Exception {
        var plan = Faults.plan(30, ARTICLES, 300);
        try (Pipeline pipeline = new Pipeline(Faults.ROOT, work, kafka.bootstrapServers(), plan, "2s", Faults.QUICK)) {
            pipeline.start();
            ArchiveWatcher watcher = new ArchiveWatcher(pipeline.archive());
            List<List<String>> crashes = List.of(List.of("ingest"), List.of("enrich"), List.of("sink"),
                    List.of("ingest", "enrich", "sink"));
            for (int i = 0; i < crashes.size(); i++) {
                awaitArchived(pipeline, watcher, ARTICLES * (i + 1) / (crashes.size() + 1), Duration.ofMinutes(3));
                for (String service : crashes.get(i)) {
                    pipeline.kill(service);
                }
                pipeline.start(crashes.get(i).toArray(String[]::new));
            }
            awaitArchived(pipeline, watcher, ARTICLES, Duration.ofMinutes(4));
            assertExactlyOnce(pipeline);
        }
    }
}
