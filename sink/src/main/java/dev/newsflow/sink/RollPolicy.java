package dev.newsflow.sink;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a partition's buffered lines become a final archive file: at a record count, at a size, or at an
 * age, whichever comes first. The age bound is what lets a consumer of the archive rely on an article
 * reaching a final file within {@link #maxAge()} of being consumed.
 *
 * @param maxRecords lines per partition before a roll
 * @param maxBytes   bytes of JSON Lines per partition before a roll
 * @param maxAge     how long the oldest buffered line of a partition may wait
 */
public record RollPolicy(int maxRecords, long maxBytes, Duration maxAge) {

    /** Why a partition was rolled: reported in logs and to observers. */
    public enum Reason { RECORD_COUNT, SIZE, AGE, SHUTDOWN }

    public RollPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxRecords < 1 || maxBytes < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("roll limits must be positive: " + maxRecords + ", " + maxBytes
                    + ", " + maxAge);
        }
    }

    /** The reason to roll a buffer of this size and age now, or empty while it may keep growing. */
    public Optional<Reason> due(int records, long bytes, Duration age) {
        if (records == 0) {
            return Optional.empty();
        }
        if (records >= maxRecords) {
            return Optional.of(Reason.RECORD_COUNT);
        }
        if (bytes >= maxBytes) {
            return Optional.of(Reason.SIZE);
        }
        if (age.compareTo(maxAge) >= 0) {
            return Optional.of(Reason.AGE);
        }
        return Optional.empty();
    }
}
