package dev.newsflow.sink;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.NewsTopic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes committed {@code news.enriched} records, rolls them into the archive, then commits offsets and
 * rewrites the feeds. The archive's file names, not the committed offsets, say where each partition
 * resumes. When the output folder fails the sink stops committing, pauses, reports not ready, and retries
 * the same lines until writing works again.
 */
public final class SinkService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SinkService.class);
    /** Bounds how long {@link #stop()} waits for the loop to notice. */
    private static final Duration MAX_POLL = Duration.ofMillis(500);

    private final SinkConfig config;
    private final NewsTopic<String, EnrichedArticle> topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final ArchiveWriter archive;
    private final ArchiveRecovery positions;
    private final FeedPublisher feeds;
    private final OutputRecovery recovery;
    private final PendingLines pending;
    private final RollObserver observer;
    private final SinkMetrics metrics;
    private final Set<TopicPartition> awaitingSeek = new HashSet<>();
    /** Per partition, the offset the consumer will read next, as the polls advanced it. */
    private final Map<TopicPartition, Long> consumedTo = new HashMap<>();
    /** Per partition, the offset this sink last committed. */
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Thread loop;
    private volatile boolean running = true;
    private volatile boolean ready;
    private volatile String fault;
    private long nextRetryNanos;

    public SinkService(SinkConfig config) {
        this(config, RollObserver.NONE, new SimpleMeterRegistry());
    }

    /** @param registry where the sink's own and its consumer's metrics go */
    public SinkService(SinkConfig config, MeterRegistry registry) {
        this(config, RollObserver.NONE, registry);
    }

    SinkService(SinkConfig config, RollObserver observer) {
        this(config, observer, new SimpleMeterRegistry());
    }

    private SinkService(SinkConfig config, RollObserver observer, MeterRegistry registry) {
        this.config = config;
        this.metrics = new SinkMetrics(registry);
        this.topic = config.kafka().topics().enriched;
        this.observer = observer;
        Properties props = config.kafka().clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.startPosition().name().toLowerCase(Locale.ROOT));
        this.consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), new ByteArrayDeserializer());
        new KafkaClientMetrics(consumer).bindTo(registry);
        this.archive = new ArchiveWriter(config.outputDir(), config.failpoint());
        this.positions = new ArchiveRecovery(archive.articlesDir(), topic.name());
        this.feeds = new FeedPublisher(config.outputDir(), config.feedSize(), topic.name(), Clock.systemUTC());
        this.recovery = new OutputRecovery(positions, feeds, topic.name());
        this.pending = new PendingLines(config.roll());
        this.loop = new Thread(this::run, "sink-loop");
    }

    public void start() {
        loop.start();
    }

    /**
     * True while the sink can do its job: the output folder is recovered and takes writes. False before
     * start-up completes and while a write fault lasts; for the {@code /ready} endpoint.
     */
    public boolean ready() {
        return ready;
    }

    /** Why the sink is not ready, or empty. */
    public Optional<String> fault() {
        return Optional.ofNullable(fault);
    }

    private void run() {
        try {
            if (!prepareOutput()) {
                return;
            }
            consumer.subscribe(List.of(topic.name()), new Rebalance());
            while (running) {
                if (fault != null) {
                    consumer.pause(consumer.assignment());
                }
                Duration timeout = fault != null ? MAX_POLL : pending.untilNextRoll(System.nanoTime(), MAX_POLL);
                ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
                for (ConsumerRecord<String, byte[]> record : records) {
                    pending.add(record, System.nanoTime());
                }
                records.nextOffsets().forEach((tp, next) -> consumedTo.put(tp, next.offset()));
                seekAwaitingPartitions();
                rollAndCommit(false);
            }
            if (fault == null) {
                rollAndCommit(true);
            }
        } catch (RuntimeException e) {
            log.error("sink stopped: {}", e.getMessage(), e);
        } finally {
            ready = false;
            consumer.close(Duration.ofSeconds(10));
        }
    }

    /** Recovers the output folder, retrying while it fails; false when stopped first. */
    private boolean prepareOutput() {
        while (running) {
            try {
                recovery.prepare();
                fault = null;
                ready = true;
                return true;
            } catch (IOException | RuntimeException e) {
                failed("cannot prepare " + config.outputDir() + ": " + e, e);
                try {
                    Thread.sleep(config.retryBackoff().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Rolls every partition whose policy says so (all of them on shutdown), then commits what is final,
     * then rewrites the feeds. A write failure keeps the buffers for a retry after the backoff.
     */
    private void rollAndCommit(boolean shutdown) {
        long now = System.nanoTime();
        if (fault != null && now < nextRetryNanos) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> commits = new LinkedHashMap<>();
        try {
            for (var due : pending.due(now, shutdown).entrySet()) {
                PartitionBuffer buffer = due.getKey();
                archive.roll(buffer);
                observer.rolled(buffer.partition(), due.getValue(), buffer.consumedAtNanos(), System.nanoTime());
                metrics.archived(buffer.items(), Instant.now());
                buffer.items().forEach(feeds::apply);
                feeds.archived(buffer.partition().partition(), buffer.nextOffset());
                commits.put(buffer.partition(), new OffsetAndMetadata(buffer.nextOffset()));
                pending.rolled(buffer);
            }
            commitPastMarkers(commits);
            commit(commits);
            feeds.publish();
            if (fault != null) {
                recovered();
            }
        } catch (IOException e) {
            commit(commits);
            failed("cannot write to " + config.outputDir() + ": " + e, e);
        }
    }

    /**
     * Adds, for each partition with nothing left to archive, the offset the consumer has read up to. A
     * transaction ends with a marker that takes the offset after its last record, so the offset after the last
     * archived record stays one short of the partition's end, and a caught-up sink would show a lag of one
     * per partition to whoever watches the group. Everything before that offset is archived or is a marker.
     */
    private void commitPastMarkers(Map<TopicPartition, OffsetAndMetadata> commits) {
        consumedTo.forEach((tp, next) -> {
            if (!pending.holds(tp) && next > committed.getOrDefault(tp, -1L)) {
                commits.put(tp, new OffsetAndMetadata(next));
            }
        });
    }

    /** Commits and empties {@code offsets}. */
    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        config.failpoint().check(Failpoint.BEFORE_COMMIT);
        try {
            consumer.commitSync(offsets);
            offsets.forEach((tp, offset) -> committed.put(tp, offset.offset()));
        } catch (CommitFailedException | RebalanceInProgressException | TimeoutException e) {
            // The files are final and their names say where to resume, so a lost commit loses nothing.
            log.warn("offsets not committed ({}); the archive's file names still hold them", e.getMessage());
        }
        offsets.clear();
        config.failpoint().check(Failpoint.AFTER_COMMIT);
    }

    /** Seeks partitions whose archive position could not be read when they were assigned. */
    private void seekAwaitingPartitions() {
        if (awaitingSeek.isEmpty() || System.nanoTime() < nextRetryNanos) {
            return;
        }
        awaitingSeek.retainAll(consumer.assignment());
        if (seekToArchive(Set.copyOf(awaitingSeek))) {
            awaitingSeek.clear();
            if (pending.isEmpty()) {
                recovered();
            }
        }
    }

    /** Positions partitions after what the archive holds; false when the archive cannot be read now. */
    private boolean seekToArchive(Collection<TopicPartition> partitions) {
        try {
            Map<TopicPartition, Long> next = positions.nextOffsets();
            for (TopicPartition tp : partitions) {
                Long offset = next.get(tp);
                if (offset != null) {
                    consumer.seek(tp, offset);
                    log.info("{} resumes at offset {}, after the last archived record", tp, offset);
                }
            }
            return true;
        } catch (IOException e) {
            failed("cannot read the archive to position " + partitions + ": " + e, e);
            return false;
        }
    }

    private void failed(String why, Exception e) {
        if (fault == null) {
            log.error("sink not ready, not committing: {}; retrying every {}", why, config.retryBackoff(), e);
        } else {
            log.debug("still failing: {}", why);
        }
        fault = why;
        ready = false;
        nextRetryNanos = System.nanoTime() + config.retryBackoff().toNanos();
    }

    private void recovered() {
        if (!awaitingSeek.isEmpty()) {
            return;
        }
        log.info("output folder writable again; sink ready");
        fault = null;
        ready = true;
        consumer.resume(consumer.paused());
    }

    /** Buffers of revoked partitions are dropped: their records were not committed, the next owner reads them. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            pending.drop(partitions);
            awaitingSeek.removeAll(partitions);
            partitions.forEach(tp -> {
                consumedTo.remove(tp);
                committed.remove(tp);
            });
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!seekToArchive(partitions)) {
                // Paused here, inside poll, so no record is fetched from a position the archive may be past.
                consumer.pause(partitions);
                awaitingSeek.addAll(partitions);
            }
        }
    }

    /** Stops consuming, rolls what is buffered, and closes the consumer. Idempotent. */
    public void stop() {
        running = false;
        if (Thread.currentThread() != loop && loop.isAlive()) {
            try {
                loop.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Blocks until the loop ends; true when it ended because {@link #stop()} was called. */
    public boolean awaitTermination() throws InterruptedException {
        loop.join();
        return !running;
    }

    @Override
    public void close() {
        stop();
    }
}
