package dev.newsflow.sink;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of an archive file, {@code <topic>+<partition>+<first offset>+<last offset>.jsonl}, as the HDFS
 * and S3 sink connectors name theirs: the name alone says which records the file holds, so a restarted
 * sink knows where to resume without trusting anything else. Offsets are zero-padded so names sort.
 * A roll spanning several date folders writes one file per folder, all with the roll's offset range.
 * While being written a file carries {@value #TEMP_SUFFIX} after its final name.
 */
record ArchiveFileName(String topic, int partition, long firstOffset, long lastOffset) {

    static final String EXTENSION = ".jsonl";
    static final String TEMP_SUFFIX = ".tmp";

    // '+' cannot occur in a Kafka topic name, so it separates the fields unambiguously.
    private static final Pattern NAME = Pattern.compile(
            "([A-Za-z0-9._-]+)\\+(\\d+)\\+(\\d{20})\\+(\\d{20})\\.jsonl(\\.tmp)?");

    ArchiveFileName {
        if (partition < 0 || firstOffset < 0 || lastOffset < firstOffset) {
            throw new IllegalArgumentException("bad offset range " + partition + ":" + firstOffset + "-" + lastOffset);
        }
    }

    String finalName() {
        return String.format(Locale.ROOT, "%s+%d+%020d+%020d%s", topic, partition, firstOffset, lastOffset, EXTENSION);
    }

    String tempName() {
        return finalName() + TEMP_SUFFIX;
    }

    /** The offset to resume this partition at once this file is final. */
    long nextOffset() {
        return lastOffset + 1;
    }

    /** The parsed name of a final or temporary archive file; empty for any other file. */
    static Optional<Parsed> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(new ArchiveFileName(m.group(1), Integer.parseInt(m.group(2)),
                    Long.parseLong(m.group(3)), Long.parseLong(m.group(4))), m.group(5) != null));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A name read from disk, and whether it is still temporary. */
    record Parsed(ArchiveFileName name, boolean temporary) {
    }
}
