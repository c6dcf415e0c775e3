package dev.newsflow.e2e;

import static dev.newsflow.core.SchemaAssertions.assertMatchesSchema;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.bench.ServiceProcess;
import dev.newsflow.core.ArticleId;
import dev.newsflow.core.CloudEvents;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import dev.newsflow.core.LocalHttpServer;
import dev.newsflow.core.TopicRecords;
import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path as a user runs it: a feed over HTTP, the three service jars, a real broker, a JSON file. */
@KafkaBroker
class PipelineIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String ARTICLE_URL = "https://veille.example/2026/11/apec-organisation-mondiale-ia-shanghai";

    @TempDir
    Path work;

    @Test
    void aFrenchArticleAboutAnAiBodyAtApecFlowsFromTheFeedToTheSinkFileOnce(KafkaCluster kafka) throws Exception {
        try (LocalHttpServer feeds = new LocalHttpServer()) {
            String feedUrl = feeds.serve("/veille.xml", "application/rss+xml", resource("/feeds/apec-ai-fr.xml"));
            Path feedList = Files.writeString(work.resolve("feeds.yaml"), "feeds:\n  - url: " + feedUrl + "\n");
            Path out = work.resolve("out");
            String prefix = "e2e" + System.nanoTime();
            Map<String, String> env = Map.of(
                    "NEWSFLOW_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "NEWSFLOW_TOPIC_PREFIX", prefix,
                    "NEWSFLOW_TOPIC_PARTITIONS", "2",
                    "NEWSFLOW_INGEST_FEEDS", feedList.toString(),
                    "NEWSFLOW_INGEST_POLL_INTERVAL", "2s",
                    "NEWSFLOW_ENRICH_STATE_DIR", work.resolve("enrich-state").toString(),
                    "NEWSFLOW_SINK_OUTPUT_DIR", out.toString());

            try (var ingest = ServiceProcess.start(ROOT, "ingest", env, work);
                 var enrich = ServiceProcess.start(ROOT, "enrich", env, work);
                 var sink = ServiceProcess.start(ROOT, "sink", env, work)) {
                String id = ArticleId.ofUrl(ARTICLE_URL);
                try {
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                            .until(() -> linesWithId(out, id).size() == 1);
                    // Polls go on every 2 s: a repeat must never reach the file.
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> feeds.hits("/veille.xml") >= 3);
                } catch (RuntimeException e) {
                    throw new AssertionError("no article in the sink's output; logs:\n" + ingest.logText()
                            + enrich.logText() + sink.logText(), e);
                }

                List<String> lines = linesWithId(out, id);
                assertEquals(1, lines.size(), "the article is in the archive exactly once");
                assertMatchesSchema("enriched-article.schema.json", lines.get(0).getBytes(StandardCharsets.UTF_8));
                EnrichedArticle written = Json.MAPPER.readValue(lines.get(0), EnrichedArticle.class);
                assertTrue(written.hasTopic("ai-governance"), "tagged ai-governance: " + written.topics());
                assertTrue(written.hasTopic("apec"), "tagged apec: " + written.topics());
                assertEquals("fr", written.language());
                try (Stream<Path> dated = Files.list(out.resolve("articles/date=2026-11-17"))) {
                    assertTrue(dated.anyMatch(p -> p.toString().endsWith(".jsonl")), "dated by the article's own date");
                }

                List<ConsumerRecord<byte[], byte[]>> raw = recordsWithKey(kafka, prefix + ".raw", id);
                assertEquals(1, raw.size(), "news.raw holds the article once");
                assertMatchesSchema("raw-article.schema.json", raw.get(0).value());
                assertEquals(CloudEvents.TYPE_RAW, CloudEvents.get(raw.get(0).headers(), "ce_type"));
                List<ConsumerRecord<byte[], byte[]>> enriched = recordsWithKey(kafka, prefix + ".enriched", id);
                assertEquals(1, enriched.size(), "news.enriched holds the article once");
                assertEquals(CloudEvents.TYPE_ENRICHED, CloudEvents.get(enriched.get(0).headers(), "ce_type"));
                assertKcatShows(kafka, prefix + ".enriched", id);

                for (var service : List.of(sink, enrich, ingest)) {
                    assertEquals(ServiceProcess.EXIT_ON_SIGTERM, service.stop());
                    assertTrue(service.logText().contains(service.name() + " stopped cleanly"), service.logText());
                }
            }
        }
    }

    /** What a user sees with an independent client: kcat prints the enriched JSON under the article's key. */
    private static void assertKcatShows(KafkaCluster kafka, String topic, String id) throws Exception {
        Path kcat = Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, "kcat"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (kcat == null) {
            System.err.println("kcat is not installed (./newsflow test installs it): skipping the kcat check");
            return;
        }
        Process process = new ProcessBuilder(kcat.toString(), "-b", kafka.bootstrapServers(), "-t", topic,
                "-C", "-e", "-q", "-f", "%k\\t%s\\n").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        String line = output.lines().filter(l -> l.startsWith(id + "\t")).findFirst()
                .orElseThrow(() -> new AssertionError("kcat shows no record keyed " + id + ":\n" + output));
        EnrichedArticle seen = Json.MAPPER.readValue(line.substring(id.length() + 1), EnrichedArticle.class);
        assertTrue(seen.hasTopic("apec"), line);
    }

    private static List<String> linesWithId(Path out, String id) throws IOException {
        return ArchiveLines.of(out).stream().filter(line -> line.contains("\"id\":\"" + id + "\"")).toList();
    }

    private static List<ConsumerRecord<byte[], byte[]>> recordsWithKey(KafkaCluster kafka, String topic, String key) {
        return TopicRecords.readAll(kafka.bootstrapServers(), topic).stream()
                .filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .toList();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PipelineIT.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
