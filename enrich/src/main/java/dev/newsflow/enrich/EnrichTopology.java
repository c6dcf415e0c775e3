package dev.newsflow.enrich;

import dev.newsflow.core.CloudEvents;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topics;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Enrich's topology, a pure function of its topics and tagger: read {@code news.raw}, tag each article,
 * write {@code news.enriched}. Every processor is named, so the topology's shape survives edits.
 */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    public static Topology build(Topics topics, ArticleTagger tagger, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.raw.name(), Consumed.with(topics.raw.keySerde(), topics.raw.valueSerde())
                        .withName("read-raw-articles"))
                .filter((id, article) -> article != null, Named.as("skip-tombstones"))
                .processValues(() -> new TagArticle(tagger, topics, clock), Named.as("tag-articles"))
                .to(topics.enriched.name(), Produced.with(topics.enriched.keySerde(), topics.enriched.valueSerde())
                        .withName("write-enriched-articles"));
        return builder.build();
    }

    /** Tags one article and re-stamps its CloudEvents headers as an enriched event. */
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
