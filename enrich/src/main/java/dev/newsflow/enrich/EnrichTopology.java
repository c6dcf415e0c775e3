package dev.newsflow.enrich;

import dev.newsflow.core.CloudEvents;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.Stores;

/**
 * Enrich's topology, a pure function of its topics, taxonomy holder and settings: read {@code news.raw},
 * send values that are not raw articles to {@code news.dlq}, drop repeats, tag each article with the
 * taxonomy in force, write {@code news.enriched}, and count tags per window into {@code news.tag-trends}.
 * The taxonomy comes live from {@code news.taxonomy}. Every processor, store and internal topic is named,
 * so the topology's shape survives edits.
 */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    /**
     * @param dedupTtl how long an article id is remembered for deduplication
     * @param clock    stamps {@code enrichedAt} and the dedup store; a test passes a fixed one
     */
    public static Topology build(Topics topics, CurrentTaxonomy taxonomy, Duration dedupTtl, Clock clock) {
        return build(topics, taxonomy, dedupTtl, clock, EnrichCounters.NONE);
    }

    /** @param counters told of each article tagged and each record dead-lettered, for {@code /metrics} */
    public static Topology build(Topics topics, CurrentTaxonomy taxonomy, Duration dedupTtl, Clock clock,
                                 EnrichCounters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(DeduplicateArticles.STORE),
                Serdes.String(), Serdes.Integer()));
        Map<String, KStream<String, ReadRawArticle.Read>> read = builder
                .stream(topics.raw.name(), Consumed.with(topics.raw.keySerde(), Serdes.ByteArray())
                        .withName("read-raw-records"))
                .filter((id, bytes) -> bytes != null, Named.as("skip-tombstones"))
                .processValues(() -> new ReadRawArticle(topics), Named.as("parse-raw-articles"))
                .split(Named.as("raw-"))
                .branch((id, r) -> r.failed(), Branched.as("unreadable"))
                .defaultBranch(Branched.as("articles"));
        read.get("raw-unreadable")
                .peek((id, r) -> counters.deadLettered(), Named.as("count-dead-letters"))
                .map((id, r) -> KeyValue.pair(id == null ? null : id.getBytes(StandardCharsets.UTF_8), r.original()),
                        Named.as("to-dead-letter"))
                .to(topics.deadLetters.name(), Produced.with(topics.deadLetters.keySerde(),
                        topics.deadLetters.valueSerde()).withName("write-dead-letters"));
        KStream<String, EnrichedArticle> enriched = read.get("raw-articles")
                .mapValues(ReadRawArticle.Read::article, Named.as("unwrap-raw-articles"))
                .processValues(() -> new DeduplicateArticles(dedupTtl, clock), Named.as("drop-repeated-articles"),
                        DeduplicateArticles.STORE)
                .processValues(() -> new TagArticle(taxonomy, topics, clock), Named.as("tag-articles"))
                .peek((id, article) -> counters.tagged(), Named.as("count-tagged-articles"));
        enriched.to(topics.enriched.name(), Produced.with(topics.enriched.keySerde(), topics.enriched.valueSerde())
                .withName("write-enriched-articles"));
        TagTrends.addTo(builder, enriched, topics);

        Topology topology = builder.build();
        // Added on the Topology, not the builder, so that its source and processor carry our names too.
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ApplyTaxonomy.STORE),
                        Serdes.String(), Serdes.String()).withLoggingDisabled(),
                "read-taxonomy", Serdes.String().deserializer(), Serdes.String().deserializer(),
                topics.taxonomy.name(), "apply-taxonomy", () -> new ApplyTaxonomy(taxonomy));
        return topology;
    }

    /** Tags one article and re-stamps its CloudEvents headers as an enriched event; other headers stay. */
    private static final class TagArticle implements FixedKeyProcessor<String, RawArticle, EnrichedArticle> {
        private final ArticleTagger tagger;
        private final String source;
        private final Clock clock;
        private FixedKeyProcessorContext<String, EnrichedArticle> context;

        TagArticle(ArticleTagger tagger, Topics topics, Clock clock) {
            this.tagger = tagger;
            this.source = "newsflow/enrich/" + topics.prefix();
            this.clock = clock;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, RawArticle> record) {
            EnrichedArticle enriched = tagger.tag(record.value());
            CloudEvents.stamp(record.headers(), source, CloudEvents.TYPE_ENRICHED, clock.instant());
            context.forward(record.withValue(enriched));
        }
    }
}
