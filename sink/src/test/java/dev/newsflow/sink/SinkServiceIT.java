package dev.newsflow.sink;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.ConfigSource;
import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink service in this JVM against the real broker: archive, feeds, updates, restarts and faults. */
@KafkaBroker
class SinkServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path out;

    private static SinkConfig config(EnrichedTopic topic, Path out) {
        ConfigReader reader = new ConfigReader(ConfigSource.of(null, Map.of(
                "NEWSFLOW_BOOTSTRAP_SERVERS", topic.bootstrap(),
                "NEWSFLOW_TOPIC_PREFIX", topic.prefix(),
                "NEWSFLOW_SINK_OUTPUT_DIR", out.toString(),
                "NEWSFLOW_SINK_GROUP_ID", "sink-" + topic.prefix(),
                "NEWSFLOW_SINK_ROLL_MAX_AGE", "300ms",
                "NEWSFLOW_SINK_RETRY_BACKOFF", "200ms",
                "NEWSFLOW_SINK_FEED_SIZE", "5")));
        SinkConfig config = SinkConfig.read(reader);
        reader.done();
        return config;
    }

    private static List<EnrichedArticle> articles(int from, int count) {
        List<EnrichedArticle> out = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            out.add(SampleArticles.article(n, "2026-11-" + (10 + n % 8) + "T08:00:00Z",
                    n % 2 == 0 ? SampleArticles.AI_GOVERNANCE : SampleArticles.TRADE, SampleArticles.APEC));
        }
        return out;
    }

    private static List<String> ids(List<EnrichedArticle> articles) {
        return articles.stream().map(EnrichedArticle::id).toList();
    }

    @Test
    void archivesEachArticleOnceAndWritesValidFeedsAndLatestAcrossARestart(KafkaCluster kafka) throws Exception {
        try (EnrichedTopic topic = new EnrichedTopic(kafka.bootstrapServers())) {
            SinkConfig config = config(topic, out);
            ArchiveContents archive = new ArchiveContents(out);
            List<EnrichedArticle> first = articles(0, 8);
            topic.publish(first);
            try (SinkService sink = new SinkService(config)) {
                sink.start();
                await().atMost(WAIT).until(() -> topic.committedToTheEnd(config.groupId()));
                assertTrue(sink.ready());
            }
            archive.assertHoldsEachOnce(ids(first));
            new OutputFiles(out).assertAllValid();

            List<EnrichedArticle> second = articles(8, 4);
            topic.publish(second);
            try (SinkService sink = new SinkService(config)) {
                sink.start();
                await().atMost(WAIT).until(() -> topic.committedToTheEnd(config.groupId()));
            }
            List<EnrichedArticle> all = new ArrayList<>(first);
            all.addAll(second);
            archive.assertHoldsEachOnce(ids(all));
            OutputFiles files = new OutputFiles(out);
            files.assertAllValid();
            // The feeds were rebuilt from what they held before the restart, plus the new articles.
            assertEquals(5, OutputFiles.ids(files.latest()).size());
            assertEquals(5, files.feed("apec").path("items").size(), "apec keeps its latest 5 of 12");
            assertTrue(OutputFiles.ids(files.feed("all")).containsAll(List.of(all.get(7).id(), all.get(6).id())),
                    "the newest dates (2026-11-17 and -16) come first");
        }
    }

    @Test
    void anUpdatedArticleIsANewArchiveLineAndReplacesItsFeedEntry(KafkaCluster kafka) throws Exception {
        try (EnrichedTopic topic = new EnrichedTopic(kafka.bootstrapServers())) {
            SinkConfig config = config(topic, out);
            String url = "https://news.example/articles/updated";
            EnrichedArticle original = SampleArticles.article(url, "2026-11-17T08:00:00Z", 1,
                    SampleArticles.AI_GOVERNANCE, SampleArticles.APEC);
            EnrichedArticle update = SampleArticles.article(url, "2026-11-17T08:00:00Z", 2,
                    SampleArticles.AI_GOVERNANCE);
            try (SinkService sink = new SinkService(config)) {
                sink.start();
                topic.publish(List.of(original));
                await().atMost(WAIT).until(() -> topic.committedToTheEnd(config.groupId()));
                topic.publish(List.of(update));
                await().atMost(WAIT).until(() -> topic.committedToTheEnd(config.groupId()));
            }
            ArchiveContents archive = new ArchiveContents(out);
            assertEquals(List.of(1, 2), archive.articles().stream().map(EnrichedArticle::version).sorted().toList(),
                    "both versions are archive lines");
            OutputFiles files = new OutputFiles(out);
            assertEquals(List.of(original.id()), OutputFiles.ids(files.feed("ai-governance")));
            assertEquals(2, files.feed("ai-governance").path("items").get(0).path("_newsflow").path("version").asInt());
            assertEquals(List.of(), OutputFiles.ids(files.feed("apec")), "the update is no longer about APEC");
            assertEquals(2, files.latest().path("articles").get(0).path("version").asInt());
            assertEquals(1, files.latest().path("articles").size());
            files.assertAllValid();
        }
    }

    @Test
    void stopsCommittingAndIsNotReadyWhileTheFolderIsUnwritableThenResumesByItself(KafkaCluster kafka)
            throws Exception {
        try (EnrichedTopic topic = new EnrichedTopic(kafka.bootstrapServers())) {
            SinkConfig config = config(topic, out);
            List<EnrichedArticle> before = articles(0, 4);
            List<EnrichedArticle> during = articles(4, 4);
            try (SinkService sink = new SinkService(config)) {
                sink.start();
                topic.publish(before);
                await().atMost(WAIT).until(() -> topic.committedToTheEnd(config.groupId()));
                var committedBefore = topic.committed(config.groupId());

                // The folder breaks: a plain file takes the archive's place (root ignores permissions).
                Path aside = out.resolve("articles-aside");
                Files.move(out.resolve("articles"), aside);
                Files.writeString(out.resolve("articles"), "the disk is gone");
                topic.publish(during);
                await().atMost(WAIT).until(() -> !sink.ready());
                assertTrue(sink.fault().isPresent());
                assertEquals(committedBefore, topic.committed(config.groupId()), "nothing committed meanwhile");

                Files.delete(out.resolve("articles"));
                Files.move(aside, out.resolve("articles"));
                await().atMost(WAIT).until(sink::ready);
                await().atMost(WAIT).until(() -> topic.committedToTheEnd(config.groupId()));
            }
            List<EnrichedArticle> all = new ArrayList<>(before);
            all.addAll(during);
            new ArchiveContents(out).assertHoldsEachOnce(ids(all));
            new OutputFiles(out).assertAllValid();
        }
    }

    @Test
    void waitsNotReadyWhenTheFolderIsUnwritableFromTheStart(KafkaCluster kafka) throws Exception {
        try (EnrichedTopic topic = new EnrichedTopic(kafka.bootstrapServers())) {
            SinkConfig config = config(topic, out);
            Files.writeString(out.resolve("articles"), "not a folder");
            topic.publish(articles(0, 2));
            try (SinkService sink = new SinkService(config)) {
                sink.start();
                await().atMost(WAIT).until(() -> sink.fault().isPresent());
                assertFalse(sink.ready());
                assertEquals(Map.of(), topic.committed(config.groupId()));
                Files.delete(out.resolve("articles"));
                await().atMost(WAIT).until(() -> topic.committedToTheEnd(config.groupId()));
                assertTrue(sink.ready());
            }
            new ArchiveContents(out).assertHoldsEachOnce(ids(articles(0, 2)));
        }
    }
}
