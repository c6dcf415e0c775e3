package dev.newsflow.sink;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The lines consumed from one partition since its last roll, grouped by the date folder each belongs in.
 * Everything a roll needs is here: the lines per date, the offset range, and the feed items of the articles.
 * Held in memory until the roll, so the roll writes each file in one go; {@link RollPolicy} bounds its size.
 * It keeps the records' own bytes and each article's feed item, not the whole article: a roll is up to 16 MiB
 * of lines, and a copy of them in growing arrays or the articles' evidence as objects beside them kept the
 * sink's heap full enough to collect it whole every few seconds under load.
 */
final class PartitionBuffer {

    private final TopicPartition partition;
    private final Map<LocalDate, List<byte[]>> linesByDate = new TreeMap<>();
    private final List<FeedItem> items = new ArrayList<>();
    private long[] consumedAtNanos = new long[16];
    private int records;
    private long bytes;
    private long firstOffset = -1;
    private long lastOffset = -1;

    PartitionBuffer(TopicPartition partition) {
        this.partition = partition;
    }

    /**
     * Adds one line; {@code offset} may also be a record that yields no line (unreadable), so the range
     * still covers it and a restart does not read it again.
     *
     * @param item null for a record that is skipped
     */
    void add(long offset, LocalDate date, byte[] line, FeedItem item, long consumedAtNanos) {
        if (firstOffset < 0) {
            firstOffset = offset;
        }
        lastOffset = offset;
        if (item == null) {
            return;
        }
        linesByDate.computeIfAbsent(date, d -> new ArrayList<>()).add(line);
        items.add(item);
        if (records == this.consumedAtNanos.length) {
            this.consumedAtNanos = Arrays.copyOf(this.consumedAtNanos, records * 2);
        }
        this.consumedAtNanos[records++] = consumedAtNanos;
        bytes += line.length + 1;
    }

    /** Marks an offset as consumed without a line, for records that cannot be archived. */
    void skip(long offset, long consumedAtNanos) {
        add(offset, null, null, null, consumedAtNanos);
    }

    boolean isEmpty() {
        return firstOffset < 0;
    }

    int records() {
        return records;
    }

    long bytes() {
        return bytes;
    }

    /** Age of the oldest entry; an empty buffer has none. */
    Duration age(long nowNanos) {
        return isEmpty() || records == 0 ? Duration.ZERO : Duration.ofNanos(nowNanos - consumedAtNanos[0]);
    }

    TopicPartition partition() {
        return partition;
    }

    ArchiveFileName fileName() {
        return new ArchiveFileName(partition.topic(), partition.partition(), firstOffset, lastOffset);
    }

    /** Each date folder's lines in offset order, without their line ends. */
    Map<LocalDate, List<byte[]>> linesByDate() {
        return linesByDate;
    }

    List<FeedItem> items() {
        return items;
    }

    long[] consumedAtNanos() {
        return Arrays.copyOf(consumedAtNanos, records);
    }

    /** The offset after the range, to commit once the roll is final. */
    long nextOffset() {
        return lastOffset + 1;
    }
}
