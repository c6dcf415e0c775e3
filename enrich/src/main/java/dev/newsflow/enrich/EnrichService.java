package dev.newsflow.enrich;

import dev.newsflow.core.ArticleProducers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Runs the enrich topology with exactly-once processing. Values that are not raw articles are
 * dead-lettered by the topology itself ({@link ReadRawArticle}); the KIP-1034 dead-letter setting and the
 * handlers here catch the rest (a record that fails while being tagged, {@link DeadLetterArticleErrors}), so
 * every bad record reaches {@code news.dlq} with the reason in headers, and processing goes on. A stream
 * thread that dies of a passing Kafka failure, or whose send timed out ({@link FailTimedOutSends}), is
 * replaced ({@link StreamThreadReplacer}); a client that stalls with the broker up is replaced whole
 * ({@link WatchedStreams}), and resumes from the last commit.
 */
public final class EnrichService implements AutoCloseable {

    private final WatchedStreams streams;

    public EnrichService(EnrichConfig config, CurrentTaxonomy taxonomy, Clock clock) {
        this(config, taxonomy, clock, new SimpleMeterRegistry(), () -> true, () -> 0);
    }

    /**
     * @param registry       where the counters and the Kafka Streams client metrics go
     * @param brokerAnswers  whether the broker answers now: a client cannot be stalled while it does not
     * @param recordsWaiting how many records wait for the application ({@link WatchedStreams#groupLag})
     */
    public EnrichService(EnrichConfig config, CurrentTaxonomy taxonomy, Clock clock, MeterRegistry registry,
                         BooleanSupplier brokerAnswers, LongSupplier recordsWaiting) {
        var topics = config.kafka().topics();
        EnrichCounters counters = EnrichCounters.in(registry);
        StreamThreadReplacer threadReplacer = new StreamThreadReplacer(clock, config.threads());
        Supplier<KafkaStreams> newClient = () -> {
            KafkaStreams client = new KafkaStreams(EnrichTopology.build(topics, taxonomy, config.dedupTtl(), clock,
                    counters), streamsProperties(config));
            client.setUncaughtExceptionHandler(threadReplacer);
            return client;
        };
        this.streams = new WatchedStreams(newClient, config.stallTimeout(), registry, brokerAnswers, recordsWaiting,
                clock);
    }

    static Properties streamsProperties(EnrichConfig config) {
        Properties props = config.kafka().clientProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        // Kafka Streams lets a prefixed producer setting override the plain key, so the article settings go
        // in prefixed only where the operator has not set the plain one.
        ArticleProducers.settings().forEach((key, value) -> {
            if (!props.containsKey(key)) {
                props.putIfAbsent(StreamsConfig.producerPrefix(key), value);
            }
        });
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.kafka().topics().deadLetters.name());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterArticleErrors.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, FailTimedOutSends.class);
        if (config.kafka().topicReplication() > 0) {
            props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.kafka().topicReplication());
        }
        return props;
    }

    /** Starts processing and the stall watch; {@code onFatal} runs if the application dies. */
    public void start(Runnable onFatal) {
        streams.start(onFatal);
    }

    /** Replaces the Kafka Streams client as the stall watch does. */
    void replaceClient() {
        streams.replace();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** True while every stream thread processes: for {@code /ready}. */
    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Closes the application, committing what it has processed. Idempotent. */
    public void stop() {
        streams.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
