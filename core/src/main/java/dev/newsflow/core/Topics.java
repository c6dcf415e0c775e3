package dev.newsflow.core;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of Newsflow's topics under one prefix ({@code news} by default, so {@code news.raw}).
 * A deployment or a test picks the prefix; every service asks this class for names and serdes.
 */
public final class Topics {

    public static final String DEFAULT_PREFIX = "news";

    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");

    public final NewsTopic<String, RawArticle> raw;
    public final NewsTopic<String, EnrichedArticle> enriched;
    /** Records enrich could not read: the original bytes, with the reason in headers. */
    public final NewsTopic<byte[], byte[]> deadLetters;
    public final NewsTopic<String, FeedStatus> feedStatus;
    public final NewsTopic<String, TagTrend> tagTrends;
    /** The taxonomy enrich tags with, as one YAML document under one key; enrich applies new versions live. */
    public final NewsTopic<String, String> taxonomy;
    /**
     * Ingest's own state (HTTP validators per feed, fingerprints per article), so that a restarted or
     * redeployed ingest neither refetches nor republishes. The value format is ingest's private business.
     */
    public final NewsTopic<String, byte[]> ingestState;

    private final String prefix;

    private Topics(String prefix) {
        if (!isValidPrefix(prefix)) {
            throw new IllegalArgumentException("topic prefix may hold only letters, digits, '.', '_' and '-': '"
                    + prefix + "'");
        }
        this.prefix = prefix;
        Serde<String> keys = Serdes.String();
        raw = new NewsTopic<>(prefix + ".raw", keys, new JsonSerde<>(RawArticle.class), Map.of());
        enriched = new NewsTopic<>(prefix + ".enriched", keys, new JsonSerde<>(EnrichedArticle.class), Map.of());
        deadLetters = new NewsTopic<>(prefix + ".dlq", Serdes.ByteArray(), Serdes.ByteArray(), Map.of());
        feedStatus = new NewsTopic<>(prefix + ".feed-status", keys, new JsonSerde<>(FeedStatus.class), COMPACTED);
        tagTrends = new NewsTopic<>(prefix + ".tag-trends", keys, new JsonSerde<>(TagTrend.class), COMPACTED);
        taxonomy = new NewsTopic<>(prefix + ".taxonomy", keys, Serdes.String(), COMPACTED);
        ingestState = new NewsTopic<>(prefix + ".ingest-state", keys, Serdes.ByteArray(), COMPACTED);
    }

    /** Kafka's legal topic characters, so that every derived name is legal too. */
    public static boolean isValidPrefix(String prefix) {
        return prefix.matches("[A-Za-z0-9._-]+");
    }

    public static Topics withPrefix(String prefix) {
        return new Topics(prefix);
    }

    public String prefix() {
        return prefix;
    }

    /** Every topic, in data-flow order, for creating them at start-up. */
    public List<NewsTopic<?, ?>> all() {
        return List.of(raw, enriched, deadLetters, feedStatus, tagTrends, taxonomy, ingestState);
    }
}
