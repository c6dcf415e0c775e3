package dev.newsflow.enrich;

import dev.newsflow.core.ops.DaemonThreads;
import dev.newsflow.core.ops.GroupLag;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's Kafka Streams client, looked at every few seconds and replaced whole when it stalls with
 * the broker up: out of the running state, or running with records waiting, and no progress ({@link StallWatch}).
 * Each client is numbered, and its state changes are logged with its number, so the log tells a replaced
 * client's shutdown from its successor's start.
 */
final class WatchedStreams {

    private static final Logger log = LoggerFactory.getLogger(WatchedStreams.class);
    private static final Duration LOOK_EVERY = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LAG_TIMEOUT = Duration.ofSeconds(3);

    private final Supplier<KafkaStreams> newClient;
    private final MeterRegistry registry;
    private final BooleanSupplier brokerAnswers;
    private final LongSupplier recordsWaiting;
    private final Clock clock;
    private final Duration stallTimeout;
    private final StallWatch watch;
    private final Counter replacements;
    /** Records restored into local state by any client, for the stall watch: restoring is progress. */
    private final LongAdder restored = new LongAdder();
    private final ScheduledExecutorService looks = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("enrich-stall-watch"));
    private volatile KafkaStreams streams;
    private volatile int number;
    private KafkaStreamsMetrics clientMetrics;
    private volatile Runnable onFatal = () -> { };
    private boolean stopped;

    /**
     * @param newClient      a new client for the application, not started, on the same state directory each time
     * @param registry       where the replacement counter and the current client's metrics go
     * @param brokerAnswers  whether the broker answers now: a client cannot be stalled while it does not
     * @param recordsWaiting how many records wait for the application (its group's lag), 0 when not known
     */
    WatchedStreams(Supplier<KafkaStreams> newClient, Duration stallTimeout, MeterRegistry registry,
                   BooleanSupplier brokerAnswers, LongSupplier recordsWaiting, Clock clock) {
        this.newClient = newClient;
        this.registry = registry;
        this.brokerAnswers = brokerAnswers;
        this.recordsWaiting = recordsWaiting;
        this.clock = clock;
        this.stallTimeout = stallTimeout;
        this.watch = new StallWatch(stallTimeout, LOOK_EVERY.multipliedBy(3));
        this.replacements = Counter.builder("newsflow.enrich.client.replacements")
                .description("Kafka Streams clients replaced after a stall with the broker up").register(registry);
        this.streams = nextClient();
    }

    /** Starts the client and the looks; {@code onFatal} runs if a client dies or cannot be replaced. */
    synchronized void start(Runnable onFatal) {
        this.onFatal = onFatal;
        streams.start();
        long every = LOOK_EVERY.toMillis();
        looks.scheduleWithFixedDelay(this::look, every, every, TimeUnit.MILLISECONDS);
    }

    KafkaStreams.State state() {
        return streams.state();
    }

    /** Closes the current client, committing what it has processed. Idempotent. */
    void stop() {
        looks.shutdownNow();
        synchronized (this) {
            stopped = true;
            streams.close(CLOSE_TIMEOUT);
        }
    }

    private KafkaStreams nextClient() {
        KafkaStreams client = newClient.get();
        int clientNumber = ++number;
        client.setGlobalStateRestoreListener(new CountRestored(restored));
        client.setStateListener((now, before) -> {
            log.info("enrich client {}: {} -> {}", clientNumber, before, now);
            if (now == KafkaStreams.State.ERROR) {
                onFatal.run();
            }
        });
        clientMetrics = new KafkaStreamsMetrics(client);
        clientMetrics.bindTo(registry);
        return client;
    }

    private void look() {
        try {
            KafkaStreams client = streams;
            KafkaStreams.State state = client.state();
            long waiting = recordsWaiting.getAsLong();
            if (watch.stalled(state == KafkaStreams.State.RUNNING, waiting > 0, brokerAnswers.getAsBoolean(),
                    restored.sum() + processed(client), clock.instant())) {
                log.error("enrich client {} has made no progress for {} ({}, {} records waiting) with the broker"
                        + " answering: it has neither processed a record nor restored state; replacing it with a new"
                        + " client, which resumes from the last commit", number, stallTimeout, state, waiting);
                replace();
            }
        } catch (RuntimeException e) {
            log.error("The stall watch failed; it looks again in {}", LOOK_EVERY, e);
        }
    }

    /**
     * The records waiting for {@code group} on the cluster ({@link GroupLag}), read at each look, for
     * {@code recordsWaiting}; 0 when the cluster does not answer in time, as then nothing can be said.
     */
    static LongSupplier groupLag(Admin admin, String group) {
        return () -> {
            try {
                return GroupLag.total(admin, group, LAG_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (ExecutionException | TimeoutException e) {
                log.debug("Cannot read {}'s lag: {}", group, e.toString());
                return 0;
            }
        };
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
    synchronized void replace() {
        if (stopped) {
            return;
        }
        clientMetrics.close();
        // Leaving the group lets the new client take the partitions at once, instead of after the old member's
        // session timeout (45 s by default: Kafka Streams stays in the group on close, for a quick restart).
        if (!streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT))) {
            log.error("The stalled Kafka Streams client did not close within {}; stopping enrich", CLOSE_TIMEOUT);
            onFatal.run();
            return;
        }
        streams = nextClient();
        replacements.increment();
        streams.start();
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
