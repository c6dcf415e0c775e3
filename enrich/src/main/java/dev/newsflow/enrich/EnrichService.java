package dev.newsflow.enrich;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enrich topology with exactly-once processing. Records that cannot be read or tagged go to
 * {@code news.dlq} with the reason in headers, and processing goes on.
 */
public final class EnrichService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnrichService.class);

    private final KafkaStreams streams;

    public EnrichService(EnrichConfig config, ArticleTagger tagger, Clock clock) {
        var topics = config.kafka().topics();
        this.streams = new KafkaStreams(EnrichTopology.build(topics, tagger, clock), streamsProperties(config));
    }

    static Properties streamsProperties(EnrichConfig config) {
        Properties props = config.kafka().clientProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.kafka().topics().deadLetters.name());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        if (config.kafka().topicReplication() > 0) {
            props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.kafka().topicReplication());
        }
        return props;
    }

    /** Starts processing; {@code onFatal} runs if the application dies. */
    public void start(Runnable onFatal) {
        streams.setStateListener((now, before) -> {
            log.info("enrich: {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                onFatal.run();
            }
        });
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Closes the application, committing what it has processed. Idempotent. */
    public void stop() {
        streams.close(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        stop();
    }
}
