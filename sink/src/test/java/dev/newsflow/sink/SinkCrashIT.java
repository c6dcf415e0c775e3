package dev.newsflow.sink;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sink jar killed at each step of a roll (a failpoint halts the JVM as {@code kill -9} does), then
 * started again: the archive must hold every article exactly once, line by line, and the feeds all of them.
 */
@KafkaBroker
class SinkCrashIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    /** Two dates per partition, so one roll spans two date folders and a crash can fall between its renames. */
    private static List<EnrichedArticle> articles(int from, int count) {
        List<EnrichedArticle> out = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            out.add(SampleArticles.article(n, n % 2 == 0 ? "2026-11-16T08:00:00Z" : "2026-11-17T08:00:00Z",
                    SampleArticles.APEC));
        }
        return out;
    }

    private static Map<String, String> env(EnrichedTopic topic, Path out) {
        return new HashMap<>(Map.of(
                "NEWSFLOW_BOOTSTRAP_SERVERS", topic.bootstrap(),
                "NEWSFLOW_TOPIC_PREFIX", topic.prefix(),
                "NEWSFLOW_TOPIC_PARTITIONS", String.valueOf(EnrichedTopic.PARTITIONS),
                "NEWSFLOW_SINK_OUTPUT_DIR", out.toString(),
                "NEWSFLOW_SINK_GROUP_ID", "sink-" + topic.prefix(),
                "NEWSFLOW_SINK_ROLL_MAX_AGE", "500ms",
                // A static member takes its partitions back at once after a kill, not after a session timeout.
                "NEWSFLOW_KAFKA_GROUP_INSTANCE_ID", "sink-1"));
    }

    @ParameterizedTest
    @EnumSource(value = Failpoint.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void keepsEveryArticleExactlyOnceWhenKilledAtAStepOfARoll(Failpoint step, KafkaCluster kafka) throws Exception {
        try (EnrichedTopic topic = new EnrichedTopic(kafka.bootstrapServers())) {
            Path out = work.resolve("out");
            String group = "sink-" + topic.prefix();
            Map<String, String> env = env(topic, out);
            List<EnrichedArticle> before = articles(0, 10);
            topic.publish(before);

            Map<String, String> armed = new HashMap<>(env);
            armed.put("NEWSFLOW_SINK_FAILPOINT", step.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            try (SinkProcess crashing = SinkProcess.start(armed, work.resolve("crashing.log"))) {
                await().atMost(WAIT).until(() -> !crashing.isAlive());
                assertEquals(Failpoint.HALT_STATUS, crashing.exitValue(), crashing.logText());
                assertTrue(crashing.logText().contains("failpoint " + step + " reached"), crashing.logText());
            }
            List<EnrichedArticle> after = articles(10, 4);
            topic.publish(after);

            try (SinkProcess restarted = SinkProcess.start(env, work.resolve("restarted.log"))) {
                try {
                    await().atMost(WAIT).until(() -> topic.committedToTheEnd(group));
                } catch (RuntimeException e) {
                    throw new AssertionError("the restarted sink did not catch up:\n" + restarted.logText(), e);
                }
                assertEquals(143, restarted.stop(), restarted.logText());
                String log = restarted.logText();
                assertTrue(log.contains("sink stopped cleanly"), log);
                switch (step) {
                    case AFTER_TEMP_WRITE, AFTER_FSYNC ->
                            assertTrue(log.contains("deleted the stray temporary file"), log);
                    case AFTER_FIRST_RENAME -> assertTrue(log.contains("completed an interrupted roll"), log);
                    default -> assertTrue(log.contains("resumes at offset"), log);
                }
            }

            List<String> ids = new ArrayList<>();
            before.forEach(a -> ids.add(a.id()));
            after.forEach(a -> ids.add(a.id()));
            new ArchiveContents(out).assertHoldsEachOnce(ids);
            OutputFiles files = new OutputFiles(out);
            files.assertAllValid();
            assertEquals(new HashSet<>(ids), new HashSet<>(OutputFiles.ids(files.latest())),
                    "latest.json holds every article, none twice");
            assertEquals(ids.size(), OutputFiles.ids(files.feed("apec")).size());
        }
    }

    @Test
    void keepsEveryArticleExactlyOnceWhenKilledWithSigkillWhileWriting(KafkaCluster kafka) throws Exception {
        try (EnrichedTopic topic = new EnrichedTopic(kafka.bootstrapServers())) {
            Path out = work.resolve("out");
            Map<String, String> env = env(topic, out);
            // Small rolls while articles keep arriving, so the kill lands at whatever step it finds.
            env.put("NEWSFLOW_SINK_ROLL_MAX_RECORDS", "3");
            env.put("NEWSFLOW_SINK_ROLL_MAX_AGE", "100ms");
            ArchiveContents archive = new ArchiveContents(out);
            List<String> ids = new ArrayList<>();
            try (SinkProcess killed = SinkProcess.start(env, work.resolve("killed.log"))) {
                for (int batch = 0; batch < 20; batch++) {
                    List<EnrichedArticle> articles = articles(batch * 5, 5);
                    topic.publish(articles);
                    articles.forEach(a -> ids.add(a.id()));
                    if (batch == 9) {
                        try {
                            await().atMost(WAIT).until(() -> archive.finalFiles().size() >= 4);
                        } catch (RuntimeException e) {
                            throw new AssertionError("the sink wrote no files:\n" + killed.logText(), e);
                        }
                        killed.kill();
                    }
                }
            }
            try (SinkProcess restarted = SinkProcess.start(env, work.resolve("restarted.log"))) {
                try {
                    await().atMost(WAIT).until(() -> topic.committedToTheEnd("sink-" + topic.prefix()));
                } catch (RuntimeException e) {
                    throw new AssertionError("the restarted sink did not catch up:\n" + restarted.logText(), e);
                }
                assertEquals(143, restarted.stop(), restarted.logText());
            }
            archive.assertHoldsEachOnce(ids);
            new OutputFiles(out).assertAllValid();
        }
    }
}
