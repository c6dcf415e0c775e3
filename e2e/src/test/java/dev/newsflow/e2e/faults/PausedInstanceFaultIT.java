package dev.newsflow.e2e.faults;

import static dev.newsflow.e2e.faults.Faults.assertExactlyOnce;
import static dev.newsflow.e2e.faults.Faults.awaitArchived;
import static org.awaitility.Awaitility.await;

import dev.newsflow.bench.ArchiveWatcher;
import dev.newsflow.bench.Pipeline;
import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance frozen (SIGSTOP) past its session timeout loses its partitions to the others; when it thaws
 * (SIGCONT), whatever it had in flight must never appear: the fenced instance's late output is refused.
 */
@Tag("fault")
@KafkaBroker
class PausedInstanceFaultIT {

    private static final int ARTICLES = 3_000;

    @TempDir
    Path work;

    @Test
    void aFrozenEnrichInstanceAndAFrozenSinkNeverDeliverTheirLateOutput(KafkaCluster kafka) throws Exception {
        var plan = Faults.plan(20, ARTICLES, 100);
        try (Pipeline pipeline = new Pipeline(Faults.ROOT, work, kafka.bootstrapServers(), plan, "2s", Faults.QUICK)) {
            pipeline.start("sink", "enrich", "enrich-2", "ingest");
            ArchiveWatcher watcher = new ArchiveWatcher(pipeline.archive());

            awaitArchived(pipeline, watcher, ARTICLES / 4, Duration.ofMinutes(2));
            freezeUntilTheGroupMovesOn(kafka, pipeline, watcher, "enrich", "newsflow-enrich", 2);
            awaitArchived(pipeline, watcher, ARTICLES / 2, Duration.ofMinutes(2));
            freezeUntilTheGroupMovesOn(kafka, pipeline, watcher, "sink", "newsflow-sink", 1);

            awaitArchived(pipeline, watcher, ARTICLES, Duration.ofMinutes(4));
            assertExactlyOnce(pipeline);
        }
    }

    /**
     * Freezes an instance until its group has removed it (the broker's view, not a guess at time), and when
     * another instance runs, until that one has moved the archive on; then thaws it.
     *
     * @param instances how many alike instances of the service are in the group; each joins with as many
     *                  members as it runs consumers (enrich one per stream thread)
     */
    private static void freezeUntilTheGroupMovesOn(KafkaCluster kafka, Pipeline pipeline, ArchiveWatcher watcher,
                                                   String name, String group, int instances) throws Exception {
        int members = members(kafka, group);
        int membersLeft = members - members / instances;
        pipeline.service(name).signal("STOP");
        try {
            int before = watcher.look();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                pipeline.assertAlive();
                return members(kafka, group) == membersLeft;
            });
            if (membersLeft > 0) {
                await().atMost(Duration.ofSeconds(90)).until(() -> watcher.look() > before);
            }
        } finally {
            pipeline.service(name).signal("CONT");
        }
    }

    private static int members(KafkaCluster kafka, String group) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            return admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS)
                    .get(group).members().size();
        }
    }
}
