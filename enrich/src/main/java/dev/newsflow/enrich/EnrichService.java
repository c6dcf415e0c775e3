package dev.newsflow.enrich;

import dev.newsflow.core.ArticleProducers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enrich topology with exactly-once processing. Values that are not raw articles are
 * dead-lettered by the topology itself ({@link ReadRawArticle}); the KIP-1034 dead-letter setting and the
 * handlers here catch the rest (a record that fails while being tagged, {@link DeadLetterArticleErrors}), so
 * every bad record reaches {@code news.dlq} with the reason in headers, and processing goes on. A stream
 * thread that dies of a passing Kafka failure, or whose send timed out ({@link FailTimedOutSends}), is
 * replaced ({@link StreamThreadReplacer}); a client that stalls with the broker up ({@link StallWatch}) is
 * replaced whole, and resumes from the last commit.
 */
public final class EnrichService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnrichService.class);
    private static final Duration LOOK_EVERY = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<KafkaStreams> clients;
    private final MeterRegistry registry;
    private final BooleanSupplier brokerAnswers;
    private final Clock clock;
    private final StallWatch watch;
    private final Duration stallTimeout;
    private final Counter replacements;
    /** Records restored into local state by any client, for the stall watch: restoring is progress. */
    private final LongAdder restored = new LongAdder();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "enrich-stall-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics clientMetrics;
    private Runnable onFatal = () -> { };
    private boolean stopped;

    public EnrichService(EnrichConfig config, CurrentTaxonomy taxonomy, Clock clock) {
        this(config, taxonomy, clock, new SimpleMeterRegistry(), () -> true);
    }

    /**
     * @param registry      where the counters and the Kafka Streams client metrics go
     * @param brokerAnswers whether the broker answers now: a client cannot be stalled while it does not
     */
    public EnrichService(EnrichConfig config, CurrentTaxonomy taxonomy, Clock clock, MeterRegistry registry,
                         BooleanSupplier brokerAnswers) {
        var topics = config.kafka().topics();
        EnrichCounters counters = EnrichCounters.in(registry);
        StreamThreadReplacer threadReplacer = new StreamThreadReplacer(clock);
        this.clients = () -> {
            KafkaStreams client = new KafkaStreams(EnrichTopology.build(topics, taxonomy, config.dedupTtl(), clock,
                    counters), streamsProperties(config));
            client.setUncaughtExceptionHandler(threadReplacer);
            client.setGlobalStateRestoreListener(new CountRestored(restored));
            return client;
        };
        this.registry = registry;
        this.brokerAnswers = brokerAnswers;
        this.clock = clock;
        this.stallTimeout = config.stallTimeout();
        this.watch = new StallWatch(stallTimeout, LOOK_EVERY.multipliedBy(3));
        this.replacements = Counter.builder("newsflow.enrich.client.replacements")
                .description("Kafka Streams clients replaced after a stall with the broker up").register(registry);
        this.streams = clients.get();
        bindMetrics();
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
    public synchronized void start(Runnable onFatal) {
        this.onFatal = onFatal;
        startClient();
        long every = LOOK_EVERY.toMillis();
        watchdog.scheduleWithFixedDelay(this::look, every, every, TimeUnit.MILLISECONDS);
    }

    private void startClient() {
        KafkaStreams client = streams;
        client.setStateListener((now, before) -> {
            log.info("enrich: {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                onFatal.run();
            }
        });
        client.start();
    }

    private void look() {
        try {
            KafkaStreams client = streams;
            if (watch.stalled(client.state() == KafkaStreams.State.RUNNING, brokerAnswers.getAsBoolean(),
                    restored.sum() + processed(client), clock.instant())) {
                log.error("enrich has not been running for {} with the broker answering, and has neither processed"
                        + " a record nor restored state in that time; replacing its Kafka Streams client, which"
                        + " resumes from the last commit", stallTimeout);
                replaceClient();
            }
        } catch (RuntimeException e) {
            log.error("The stall watch failed; it looks again in {}", LOOK_EVERY, e);
        }
    }

    /** Records the client's stream threads have processed, from their own metrics. */
    private static long processed(KafkaStreams client) {
        double total = 0;
        for (var metric : client.metrics().entrySet()) {
            if (metric.getKey().name().equals("process-total")
                    && metric.getKey().group().equals("stream-thread-metrics")
                    && metric.getValue().metricValue() instanceof Number n) {
                total += n.doubleValue();
            }
        }
        return (long) total;
    }

    /**
     * Closes the client and starts a new one on the same state. Under exactly-once the old client's open
     * transactions are aborted and the new one reads on from the last commit, so nothing is lost or doubled.
     * A client that does not close in time is holding its threads somewhere it should not: enrich then stops,
     * for whatever runs it to start it again.
     */
    synchronized void replaceClient() {
        if (stopped) {
            return;
        }
        KafkaStreams old = streams;
        unbindMetrics();
        // Leaving the group lets the new client take the partitions at once, instead of after the old member's
        // session timeout (45 s by default: Kafka Streams stays in the group on close, for a quick restart).
        if (!old.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT))) {
            log.error("The stalled Kafka Streams client did not close within {}; stopping enrich", CLOSE_TIMEOUT);
            onFatal.run();
            return;
        }
        streams = clients.get();
        bindMetrics();
        replacements.increment();
        startClient();
    }

    private void bindMetrics() {
        clientMetrics = new KafkaStreamsMetrics(streams);
        clientMetrics.bindTo(registry);
    }

    private void unbindMetrics() {
        clientMetrics.close();
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
        watchdog.shutdownNow();
        synchronized (this) {
            stopped = true;
            streams.close(CLOSE_TIMEOUT);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Counts restored records, whichever client restores them. */
    private record CountRestored(LongAdder restored) implements StateRestoreListener {

        @Override
        public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
        }

        @Override
        public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
            this.restored.add(restored);
        }

        @Override
        public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        }
    }
}
