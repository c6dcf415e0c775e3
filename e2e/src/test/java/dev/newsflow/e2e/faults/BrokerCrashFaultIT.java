package dev.newsflow.e2e.faults;

import static dev.newsflow.e2e.faults.Faults.assertExactlyOnce;
import static dev.newsflow.e2e.faults.Faults.awaitArchived;

import dev.newsflow.bench.ArchiveWatcher;
import dev.newsflow.bench.Pipeline;
import dev.newsflow.kafkalocal.LocalKafka;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker killed with -9 three times mid-stream and restarted on its data: nothing lost, nothing doubled. */
@Tag("fault")
@KafkaBroker
class BrokerCrashFaultIT {

    private static final int ARTICLES = 20_000;

    @TempDir
    Path work;

    @Test
    void threeBrokerCrashesDuringTwentyThousandArticlesLoseAndDoubleNothing(LocalKafka kafka) throws Exception {
        var plan = Faults.plan(100, ARTICLES, 800);
        try (Pipeline pipeline = new Pipeline(Faults.ROOT, work, kafka.bootstrapServers(), plan, "5s", Faults.QUICK)) {
            pipeline.start();
            ArchiveWatcher watcher = new ArchiveWatcher(pipeline.archive());
            for (int crash = 1; crash <= 3; crash++) {
                awaitArchived(pipeline, watcher, ARTICLES * crash / 4, Duration.ofMinutes(4));
                kafka.kill();
                kafka.restart();
            }
            awaitArchived(pipeline, watcher, ARTICLES, Duration.ofMinutes(5));
            assertExactlyOnce(pipeline);
        }
    }
}
