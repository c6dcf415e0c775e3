package dev.newsflow.sink;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumed records not yet in a final file, per partition a queue of {@link PartitionBuffer}s: a buffer
 * that reaches the policy's record count or size is sealed and the next record starts a new one, so no
 * file exceeds those limits however many records one poll returns. Reads of each record what the feeds
 * show ({@link FeedItem#fromEnrichedJson}) and keeps its bytes as one JSON line; a record that is not an
 * enriched article is skipped with a warning (enrich sends unreadable input to its dead-letter topic, so
 * this is a contract breach upstream).
 */
final class PendingLines {

    private static final Logger log = LoggerFactory.getLogger(PendingLines.class);

    private final RollPolicy policy;
    private final Map<TopicPartition, Deque<PartitionBuffer>> buffers = new HashMap<>();

    PendingLines(RollPolicy policy) {
        this.policy = policy;
    }

    void add(ConsumerRecord<String, byte[]> record, long consumedAtNanos) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        Deque<PartitionBuffer> queue = buffers.computeIfAbsent(tp, p -> new ArrayDeque<>());
        if (queue.isEmpty() || isFull(queue.peekLast())) {
            queue.addLast(new PartitionBuffer(tp));
        }
        PartitionBuffer buffer = queue.peekLast();
        if (record.value() == null) {
            buffer.skip(record.offset(), consumedAtNanos);
            return;
        }
        FeedItem item;
        boolean oneLine;
        try (JsonParser parser = Json.MAPPER.createParser(record.value())) {
            item = FeedItem.fromEnrichedJson(parser);
            oneLine = item != null && isOneLine(parser, record.value());
        } catch (IOException e) {
            log.warn("skipping unreadable record {} at offset {}: not a valid EnrichedArticle: {}", tp, record.offset(),
                    e.getMessage());
            buffer.skip(record.offset(), consumedAtNanos);
            return;
        }
        if (item == null) {
            buffer.skip(record.offset(), consumedAtNanos);
            return;
        }
        try {
            // Enrich writes compact JSON, so its bytes are the line as they stand; a value that spans lines is
            // written again, as one line, by the shared mapper.
            byte[] line = oneLine ? record.value()
                    : Json.MAPPER.writeValueAsBytes(Json.MAPPER.readTree(record.value()));
            buffer.add(record.offset(), ArchiveWriter.dateOf(item.publishedAt(), item.fetchedAt(), record.timestamp()),
                    line, item, consumedAtNanos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write article " + item.id() + " as JSON", e);
        }
    }

    /**
     * Whether a value the parser has just read spans one line. The parser counts the line breaks it passes
     * (inside a JSON string they are escaped), so only the bytes after the value's end are left to look at: a
     * second scan of the whole record was a sixth of what reading a record here cost.
     */
    private static boolean isOneLine(JsonParser parser, byte[] json) {
        JsonLocation end = parser.currentLocation();
        if (end.getLineNr() != 1) {
            return false;
        }
        for (long i = end.getByteOffset(); i < json.length; i++) {
            if (json[(int) i] == '\n' || json[(int) i] == '\r') {
                return false;
            }
        }
        return true;
    }

    private boolean isFull(PartitionBuffer buffer) {
        return buffer.records() >= policy.maxRecords() || buffer.bytes() >= policy.maxBytes();
    }

    /**
     * The buffers to roll now with the reason for each (every one holding a line on shutdown), a
     * partition's in offset order: a later range must never be final before an earlier one, or a restart
     * would resume past the earlier one.
     */
    Map<PartitionBuffer, RollPolicy.Reason> due(long nowNanos, boolean shutdown) {
        Map<PartitionBuffer, RollPolicy.Reason> due = new LinkedHashMap<>();
        for (Deque<PartitionBuffer> queue : buffers.values()) {
            for (PartitionBuffer buffer : queue) {
                Optional<RollPolicy.Reason> reason = shutdown && buffer.records() > 0
                        ? Optional.of(RollPolicy.Reason.SHUTDOWN)
                        : policy.due(buffer.records(), buffer.bytes(), buffer.age(nowNanos));
                if (reason.isEmpty()) {
                    break;
                }
                due.put(buffer, reason.get());
            }
        }
        return due;
    }

    /** Forgets a buffer once its lines are final; it is always the oldest of its partition. */
    void rolled(PartitionBuffer buffer) {
        Deque<PartitionBuffer> queue = buffers.get(buffer.partition());
        if (queue == null || queue.peekFirst() != buffer) {
            throw new IllegalStateException("rolled out of order: " + buffer.fileName());
        }
        queue.removeFirst();
        if (queue.isEmpty()) {
            buffers.remove(buffer.partition());
        }
    }

    /** Forgets partitions this sink no longer owns; their records were not committed, so nothing is lost. */
    void drop(Collection<TopicPartition> partitions) {
        partitions.forEach(buffers::remove);
    }

    /** True while some record of {@code partition} is not yet in a final file. */
    boolean holds(TopicPartition partition) {
        return buffers.containsKey(partition);
    }

    boolean isEmpty() {
        return buffers.isEmpty();
    }

    /** How long until the oldest line must be rolled, at most {@code max}: the poll timeout that keeps the bound. */
    Duration untilNextRoll(long nowNanos, Duration max) {
        Duration wait = max;
        for (Deque<PartitionBuffer> queue : buffers.values()) {
            PartitionBuffer buffer = queue.peekFirst();
            if (buffer != null && buffer.records() > 0) {
                Duration left = policy.maxAge().minus(buffer.age(nowNanos));
                if (left.compareTo(wait) < 0) {
                    wait = left;
                }
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait;
    }

}
