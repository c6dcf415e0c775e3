package dev.newsflow.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.Json;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.TopicRecords;
import dev.newsflow.core.Topics;
import dev.newsflow.core.config.KafkaSettings;
import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Dedup and conditional-GET state live in Kafka, committed with the articles: a restarted ingest neither
 * republishes nor refetches, and one that died before its commit left neither article nor state behind.
 */
@KafkaBroker
class IngestRestartIT {

    @Test
    void keepsDedupAndValidatorsAcrossARestart(KafkaCluster kafka) throws IOException {
        String prefix = "t" + System.nanoTime();
        KafkaSettings settings = settings(kafka, prefix);
        try (FeedFixtureServer server = new FeedFixtureServer()) {
            String conditional = server.serveConditional("/c.xml", "application/rss+xml",
                    Fixtures.rss(Fixtures.item("Kept", "http://example.org/kept", null, "d")), "\"v1\"",
                    "Tue, 24 Nov 2026 10:00:00 GMT");
            String plain = server.serve("/p.xml", "application/rss+xml",
                    Fixtures.rss(Fixtures.item("Plain", "http://example.org/plain", null, "d")));
            List<FeedSource> feeds = List.of(new FeedSource(conditional, null, null, null),
                    new FeedSource(plain, null, null, null));
            IngestConfig config = config(settings, prefix);

            runUntil(config, feeds, () -> statuses(kafka, prefix).size() >= 2);
            assertEquals(2, raw(kafka, prefix).size());

            runUntil(config, feeds, () -> statuses(kafka, prefix).size() >= 4);
            List<FeedStatus> second = statuses(kafka, prefix).subList(2, 4);
            assertEquals(2, raw(kafka, prefix).size(), "nothing republished after the restart");
            assertEquals(FeedStatus.Outcome.NOT_MODIFIED, second.stream()
                    .filter(s -> s.feedUrl().equals(conditional)).findFirst().orElseThrow().outcome());
            FeedStatus plainAgain = second.stream().filter(s -> s.feedUrl().equals(plain)).findFirst().orElseThrow();
            assertEquals(0, plainAgain.newItems());
            assertEquals(1, plainAgain.unchangedItems());
            assertEquals("\"v1\"", server.requests("/c.xml").get(1).headers().get("if-none-match"));
        }
    }

    /**
     * An ingest that died after sending an article and its mark but before committing: a producer with ingest's
     * transactional id leaves exactly that behind. The next ingest must find neither (the records are in the log,
     * aborted) and publish the article once.
     */
    @Test
    void aTransactionLeftOpenByACrashHidesArticleAndMarkAndTheRestartPublishesOnce(KafkaCluster kafka)
            throws IOException {
        String prefix = "t" + System.nanoTime();
        KafkaSettings settings = settings(kafka, prefix);
        Topics topics = settings.topics();
        IngestConfig config = config(settings, prefix);
        try (FeedFixtureServer server = new FeedFixtureServer()) {
            String feed = Fixtures.rss(Fixtures.item("Crash", "http://example.org/crash", null, "d"));
            String url = server.serve("/crash.xml", "application/rss+xml", feed);
            RawArticle article = new FeedParser(Clock.systemUTC())
                    .parse(feed.getBytes(StandardCharsets.UTF_8), url, null).get(0);
            String markKey = IngestStateStore.articleKey(article.id());

            try (KafkaProducer<String, byte[]> crashed = transactionalProducer(kafka, config.transactionalId())) {
                crashed.initTransactions();
                crashed.beginTransaction();
                crashed.send(new ProducerRecord<>(topics.raw.name(), article.id(),
                        topics.raw.valueSerde().serializer().serialize(topics.raw.name(), article)));
                crashed.send(new ProducerRecord<>(topics.ingestState.name(), markKey, IngestStateStore.encode(
                        new ArticleLedger.Mark(1, ArticleLedger.fingerprint(article)))));
                crashed.flush(); // in the log, never committed: the process "dies" here

                runUntil(config, List.of(new FeedSource(url, null, null, null)),
                        () -> statuses(kafka, prefix).size() >= 1);
                crashed.close(Duration.ZERO);
            }
            assertEquals(1, statuses(kafka, prefix).get(0).newItems(), "the aborted mark was not taken as published");
            assertEquals(1, withKey(raw(kafka, prefix), article.id()), "read_committed sees the article once");
            assertEquals(2, withKey(TopicRecords.readAll(kafka.bootstrapServers(), topics.raw.name(),
                    IsolationLevel.READ_UNCOMMITTED), article.id()),
                    "the crashed attempt is in the log, aborted");
            assertEquals(1, withKey(TopicRecords.readAll(kafka.bootstrapServers(), topics.ingestState.name()), markKey),
                    "one mark, committed with the article");
        }
    }

    private static KafkaSettings settings(KafkaCluster kafka, String prefix) {
        KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), prefix, 1, -1, Map.of());
        settings.ensureTopics();
        return settings;
    }

    private static IngestConfig config(KafkaSettings settings, String prefix) {
        return new IngestConfig(settings, Path.of("unused"), Duration.ofHours(1), Duration.ofSeconds(5),
                Duration.ofSeconds(2), 1 << 20, "test", 0, Duration.ofHours(6), 2, 16, 1, 3, 1000, 0, "ingest-" + prefix);
    }

    private static void runUntil(IngestConfig config, List<FeedSource> feeds, java.util.concurrent.Callable<Boolean> done)
            throws IOException {
        try (IngestService service = new IngestService(config, feeds, Clock.systemUTC())) {
            service.start();
            await().atMost(Duration.ofSeconds(60)).until(done);
        }
    }

    private static KafkaProducer<String, byte[]> transactionalProducer(KafkaCluster kafka, String transactionalId) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("transactional.id", transactionalId);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static List<ConsumerRecord<byte[], byte[]>> raw(KafkaCluster kafka, String prefix) {
        return TopicRecords.readAll(kafka.bootstrapServers(), prefix + ".raw");
    }

    private static long withKey(List<ConsumerRecord<byte[], byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8))).count();
    }

    private static List<FeedStatus> statuses(KafkaCluster kafka, String prefix) {
        return TopicRecords.readAll(kafka.bootstrapServers(), prefix + ".feed-status").stream().map(r -> {
            try {
                return Json.MAPPER.readValue(r.value(), FeedStatus.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
