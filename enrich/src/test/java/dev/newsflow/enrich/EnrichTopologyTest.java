package dev.newsflow.enrich;

import static dev.newsflow.core.SchemaAssertions.assertMatchesSchema;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.ArticleProducers;
import dev.newsflow.core.Articles;
import dev.newsflow.core.CloudEvents;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.TagTrend;
import dev.newsflow.core.Topics;
import dev.newsflow.core.config.KafkaSettings;
import dev.newsflow.enrich.tagging.LanguageGuesser;
import dev.newsflow.enrich.taxonomy.TaxonomyLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production topology, with the production Streams settings, on a TopologyTestDriver. */
class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:02:00Z");
    private static final Duration TTL = Duration.ofHours(1);
    private static final Duration STALL = Duration.ofMinutes(10);
    private static LanguageGuesser languages;

    @TempDir
    Path state;

    private final MutableClock clock = new MutableClock(NOW);
    private final Topics topics = Topics.withPrefix("news");
    private CurrentTaxonomy taxonomy;
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;

    @BeforeAll
    static void loadLanguages() {
        languages = new LanguageGuesser();
    }

    @BeforeEach
    void startDriver() {
        taxonomy = new CurrentTaxonomy(TaxonomyLoader.bundled(), languages, clock);
        Properties props = EnrichService.streamsProperties(config(Map.of()));
        driver = new TopologyTestDriver(EnrichTopology.build(topics, taxonomy, TTL, clock), props, NOW);
        raw = driver.createInputTopic(topics.raw.name(), new StringSerializer(), topics.raw.valueSerde().serializer());
        enriched = driver.createOutputTopic(topics.enriched.name(), topics.enriched.keySerde().deserializer(),
                topics.enriched.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void tagsAFrenchArticleWithoutLanguageAndKeepsItsHeaders() {
        RawArticle article = Articles.shanghaiAiBody();
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput(new TestRecord<>(article.id(), article, headers, NOW));

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertEquals("fr", out.value().language());
        assertTrue(out.value().hasTopic("ai-governance"), () -> "topics " + out.value().topics());
        assertTrue(out.value().hasTopic("apec"), () -> "topics " + out.value().topics());
        assertEquals(CloudEvents.TYPE_ENRICHED, CloudEvents.get(out.headers(), "ce_type"));
        assertEquals("00-abc-01", CloudEvents.get(out.headers(), "traceparent"));
        assertMatchesSchema("enriched-article.schema.json", topics.enriched.valueSerde().serializer()
                .serialize(topics.enriched.name(), out.value()));
    }

    @Test
    void dropsAnArticleSeenBefore() {
        RawArticle article = Articles.shanghaiAiBody();
        raw.pipeInput(article.id(), article);
        raw.pipeInput(article.id(), article);

        assertEquals(1, enriched.readRecordsToList().size());
    }

    @Test
    void reTagsAnUpdatedArticleAndDropsAnOlderVersion() {
        RawArticle first = Articles.shanghaiAiBody();
        raw.pipeInput(first.id(), first);
        raw.pipeInput(first.id(), first.withVersion(2));
        raw.pipeInput(first.id(), first);

        List<EnrichedArticle> out = enriched.readValuesToList();
        assertEquals(List.of(1, 2), out.stream().map(EnrichedArticle::version).toList());
    }

    @Test
    void tagsARepeatAgainOnceItsIdHasExpired() {
        RawArticle article = Articles.shanghaiAiBody();
        raw.pipeInput(article.id(), article);
        clock.advance(TTL.plusMinutes(10));
        driver.advanceWallClockTime(TTL.plusMinutes(10));
        raw.pipeInput(article.id(), article);

        assertEquals(2, enriched.readRecordsToList().size());
    }

    @Test
    void sendsUnreadableRecordsToTheDeadLetterTopicAndGoesOn() {
        var bytes = driver.createInputTopic(topics.raw.name(), new StringSerializer(), new ByteArraySerializer());
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        bytes.pipeInput("poison", poison);
        bytes.pipeInput("no-id", "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        RawArticle good = Articles.shanghaiAiBody();
        raw.pipeInput(good.id(), good);

        var dlq = driver.createOutputTopic(topics.deadLetters.name(),
                topics.deadLetters.keySerde().deserializer(), topics.deadLetters.valueSerde().deserializer());
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertEquals(2, dead.size());
        assertArrayEquals(poison, dead.get(0).value());
        assertEquals(topics.raw.name(), CloudEvents.get(dead.get(0).headers(), "__streams.errors.topic"));
        assertNotNull(CloudEvents.get(dead.get(0).headers(), "__streams.errors.exception"));
        assertNotNull(CloudEvents.get(dead.get(0).headers(), "__streams.errors.offset"));
        assertEquals(List.of(good.id()), enriched.readKeyValuesToList().stream().map(kv -> kv.key).toList());
    }

    @Test
    void countsTagsPerHourAndPerDayIntoTagTrends() {
        RawArticle article = Articles.shanghaiAiBody();
        raw.pipeInput(article.id(), article, NOW);
        RawArticle other = Articles.raw("https://news.example/apec-2", "APEC leaders meet in Gyeongju",
                "APEC trade ministers met on tariffs.");
        raw.pipeInput(other.id(), other, NOW.plusSeconds(60));
        // An edit of the first article is re-tagged but is no new article: it does not count again.
        raw.pipeInput(article.id(), article.withVersion(2), NOW.plusSeconds(90));
        // Six minutes on: another 5-minute bucket, whose partial count adds to the same hour and day.
        RawArticle later = Articles.raw("https://news.example/apec-3", "APEC closes in Gyeongju",
                "APEC leaders closed the summit.");
        raw.pipeInput(later.id(), later, NOW.plus(Duration.ofMinutes(6)));

        var trends = driver.createOutputTopic(topics.tagTrends.name(), topics.tagTrends.keySerde().deserializer(),
                topics.tagTrends.valueSerde().deserializer());
        assertTrue(trends.isEmpty(), "each task sends its partial counts on once a second, not per article");
        driver.advanceWallClockTime(TagTrends.FLUSH);
        Map<String, TagTrend> latest = trends.readKeyValuesToMap();
        TagTrend hourly = latest.get("topic:apec@PT1H@2026-11-24T10:00:00Z");
        assertNotNull(hourly, () -> "trend keys " + latest.keySet());
        assertEquals(3, hourly.count());
        assertEquals(Instant.parse("2026-11-24T11:00:00Z"), hourly.windowEnd());
        assertEquals(3, latest.get("topic:apec@PT24H@2026-11-24T00:00:00Z").count());
        // A 1-hour window hopping by 5 minutes: twelve windows hold the first article.
        assertEquals(12, latest.keySet().stream().filter(k -> k.startsWith("entity:Xi Jinping@PT1H@")).count());
    }

    @Test
    void appliesAPublishedTaxonomyToTheNextRecords() {
        RawArticle before = Articles.raw("https://news.example/a", "Quantum sensors", "A note on quantum sensors.");
        raw.pipeInput(before.id(), before);
        var published = driver.createInputTopic(topics.taxonomy.name(), new StringSerializer(), new StringSerializer());
        published.pipeInput(TaxonomyPublisher.KEY, TestTaxonomies.withExtraTopic("quantum", "quantum sensors"));
        RawArticle after = Articles.raw("https://news.example/b", "Quantum sensors", "A note on quantum sensors.");
        raw.pipeInput(after.id(), after);

        List<EnrichedArticle> out = enriched.readValuesToList();
        assertFalse(out.get(0).hasTopic("quantum"));
        assertEquals("test-2", out.get(1).taxonomyVersion());
        assertTrue(out.get(1).hasTopic("quantum"));
    }

    @Test
    void keepsTheTaxonomyInForceWhenAnInvalidOneIsPublished() {
        var published = driver.createInputTopic(topics.taxonomy.name(), new StringSerializer(), new StringSerializer());
        published.pipeInput(TaxonomyPublisher.KEY, "version: broken\ntopics: []\n");
        RawArticle article = Articles.shanghaiAiBody();
        raw.pipeInput(article.id(), article);

        assertEquals(TaxonomyLoader.bundled().version(), enriched.readValue().taxonomyVersion());
    }

    @Test
    void namesEveryProcessorStoreAndInternalTopic() {
        Topology topology = EnrichTopology.build(topics, taxonomy, TTL, Clock.fixed(NOW, ZoneOffset.UTC));
        String described = topology.describe().toString();
        assertFalse(described.contains("KSTREAM-"), described);
        assertFalse(described.contains("KTABLE-"), described);
        assertTrue(described.contains(DeduplicateArticles.STORE), described);
        assertTrue(described.contains("tag-counts-1h") && described.contains("tag-counts-24h"), described);
        assertTrue(described.contains(TagTrends.REPARTITION), described);
        assertTrue(described.contains(TagTrends.PENDING), described);
    }

    @Test
    void usesExactlyOnceAndTheDeadLetterTopic() {
        Properties props = EnrichService.streamsProperties(config(Map.of()));
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals("news.dlq", props.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG));
    }

    @Test
    void batchesArticlesLargeUnlessTheOperatorSetsTheBatchSize() {
        Properties defaults = EnrichService.streamsProperties(config(Map.of()));
        assertEquals(ArticleProducers.settings().get(ProducerConfig.BATCH_SIZE_CONFIG), producerBatchSize(defaults));

        Properties operators = EnrichService.streamsProperties(
                config(Map.of(ProducerConfig.BATCH_SIZE_CONFIG, "65536")));
        assertEquals("65536", producerBatchSize(operators), "a prefixed default would override the operator's");
    }

    /** Enrich's settings for these tests, with the given Kafka client settings. */
    private EnrichConfig config(Map<String, String> clientSettings) {
        return new EnrichConfig(new KafkaSettings("unused:9092", "news", 1, -1, clientSettings), "enrich-test", state,
                TTL, Optional.empty(), LanguageGuesser.Accuracy.HIGH, 0, STALL, 1);
    }

    /** The batch size Kafka Streams gives its producers with these settings. */
    private static Object producerBatchSize(Properties props) {
        return String.valueOf(new StreamsConfig(props).getProducerConfigs("c").get(ProducerConfig.BATCH_SIZE_CONFIG));
    }

    /** A clock the test moves by hand, in step with the driver's wall clock. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
