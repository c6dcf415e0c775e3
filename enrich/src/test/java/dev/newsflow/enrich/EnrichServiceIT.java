package dev.newsflow.enrich;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.Articles;
import dev.newsflow.core.CloudEvents;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.TopicRecords;
import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.ConfigSource;
import dev.newsflow.enrich.tagging.LanguageGuesser;
import dev.newsflow.enrich.taxonomy.TaxonomyLoader;
import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.io.IOException;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrich service in this JVM against the real broker: dead letters, and a taxonomy published live. */
@KafkaBroker
class EnrichServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static LanguageGuesser languages;

    @TempDir
    Path state;

    @BeforeAll
    static void loadLanguages() {
        languages = new LanguageGuesser();
    }

    private EnrichConfig config(KafkaCluster kafka, String prefix) {
        ConfigReader reader = new ConfigReader(ConfigSource.of(null, Map.of(
                "NEWSFLOW_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "NEWSFLOW_TOPIC_PREFIX", prefix,
                "NEWSFLOW_TOPIC_PARTITIONS", "1",
                "NEWSFLOW_ENRICH_APPLICATION_ID", "enrich-" + prefix,
                "NEWSFLOW_ENRICH_STATE_DIR", state.toString())));
        EnrichConfig config = EnrichConfig.read(reader);
        reader.done();
        config.kafka().ensureTopics();
        return config;
    }

    private static void send(EnrichConfig config, String topic, String key, byte[] value) throws Exception {
        Properties props = config.kafka().clientProperties();
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static byte[] json(RawArticle article) throws IOException {
        return Json.MAPPER.writeValueAsBytes(article);
    }

    private static EnrichedArticle read(ConsumerRecord<byte[], byte[]> record) {
        try {
            return Json.MAPPER.readValue(record.value(), EnrichedArticle.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sendsUnreadableRecordsToTheDeadLetterTopicAndGoesOn(KafkaCluster kafka) throws Exception {
        EnrichConfig config = config(kafka, "t" + System.nanoTime());
        var topics = config.kafka().topics();
        byte[] poison = "\u0000not json at all".getBytes(StandardCharsets.UTF_8);
        send(config, topics.raw.name(), "poison", poison);
        RawArticle good = Articles.shanghaiAiBody();
        send(config, topics.raw.name(), good.id(), json(good));

        try (EnrichService service = new EnrichService(config,
                new CurrentTaxonomy(TaxonomyLoader.bundled(), languages, Clock.systemUTC()), Clock.systemUTC())) {
            service.start(() -> { });
            await().atMost(WAIT).until(() -> TopicRecords.readAll(kafka.bootstrapServers(),
                    topics.enriched.name()).size() == 1);
            // The good article came after the poison one on the same partition: the stream went on.
            assertTrue(service.state().isRunningOrRebalancing(), () -> "state " + service.state());
        }
        List<ConsumerRecord<byte[], byte[]>> dead = TopicRecords.readAll(kafka.bootstrapServers(),
                topics.deadLetters.name());
        assertEquals(1, dead.size());
        ConsumerRecord<byte[], byte[]> letter = dead.get(0);
        assertArrayEquals(poison, letter.value());
        assertEquals(topics.raw.name(), CloudEvents.get(letter.headers(), ReadRawArticle.TOPIC));
        assertEquals("0", CloudEvents.get(letter.headers(), ReadRawArticle.PARTITION));
        assertEquals("0", CloudEvents.get(letter.headers(), ReadRawArticle.OFFSET));
        assertNotNull(CloudEvents.get(letter.headers(), ReadRawArticle.MESSAGE));
        EnrichedArticle enriched = read(TopicRecords.readAll(kafka.bootstrapServers(), topics.enriched.name()).get(0));
        assertTrue(enriched.hasTopic("apec"));
    }

    @Test
    void appliesATaxonomyPublishedWhileRunningToTheNextRecords(KafkaCluster kafka) throws Exception {
        EnrichConfig config = config(kafka, "t" + System.nanoTime());
        var topics = config.kafka().topics();
        try (EnrichService service = new EnrichService(config,
                new CurrentTaxonomy(TaxonomyLoader.bundled(), languages, Clock.systemUTC()), Clock.systemUTC())) {
            service.start(() -> { });
            RawArticle first = Articles.raw("https://news.example/q1", "Quantum sensors", "On quantum sensors.");
            send(config, topics.raw.name(), first.id(), json(first));
            await().atMost(WAIT).until(() -> TopicRecords.readAll(kafka.bootstrapServers(),
                    topics.enriched.name()).size() == 1);

            TaxonomyPublisher.publish(config.kafka(), TestTaxonomies.withExtraTopic("quantum", "quantum sensors"));
            // The global thread applies it shortly after: send until an article comes back tagged with it.
            await().atMost(WAIT).until(() -> {
                RawArticle next = Articles.raw("https://news.example/q" + System.nanoTime(), "Quantum sensors",
                        "On quantum sensors.");
                send(config, topics.raw.name(), next.id(), json(next));
                return TopicRecords.readAll(kafka.bootstrapServers(), topics.enriched.name()).stream()
                        .map(EnrichServiceIT::read).anyMatch(a -> a.hasTopic("quantum"));
            });
        }
        EnrichedArticle before = read(TopicRecords.readAll(kafka.bootstrapServers(), topics.enriched.name()).get(0));
        assertEquals(TaxonomyLoader.bundled().version(), before.taxonomyVersion());
    }

    @Test
    void aReplacedStreamsClientGoesOnFromTheLastCommitWithoutLosingOrDoublingAnArticle(KafkaCluster kafka)
            throws Exception {
        EnrichConfig config = config(kafka, "t" + System.nanoTime());
        var topics = config.kafka().topics();
        try (EnrichService service = new EnrichService(config,
                new CurrentTaxonomy(TaxonomyLoader.bundled(), languages, Clock.systemUTC()), Clock.systemUTC())) {
            service.start(() -> { });
            sendArticles(config, "before", 20);
            await().atMost(WAIT).until(() -> enrichedIds(kafka, topics.enriched.name()).size() == 20);

            // What the stall watch does to a wedged client, done here to a healthy one mid-stream.
            service.replaceClient();
            sendArticles(config, "after", 20);
            await().atMost(WAIT).until(() -> enrichedIds(kafka, topics.enriched.name()).size() >= 40);
            await().atMost(WAIT).until(service::isRunning);
        }
        List<String> ids = enrichedIds(kafka, topics.enriched.name());
        assertEquals(40, ids.size(), "one enriched record per article");
        assertEquals(40, ids.stream().distinct().count(), () -> "an article doubled: " + ids);
    }

    private static void sendArticles(EnrichConfig config, String batch, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            RawArticle article = Articles.raw("https://news.example/" + batch + "/" + i, "APEC " + batch + " " + i,
                    "Leaders met at APEC in Shanghai, item " + i + ".");
            send(config, config.kafka().topics().raw.name(), article.id(), json(article));
        }
    }

    private static List<String> enrichedIds(KafkaCluster kafka, String topic) {
        return TopicRecords.readAll(kafka.bootstrapServers(), topic).stream().map(r -> read(r).id()).toList();
    }
}
