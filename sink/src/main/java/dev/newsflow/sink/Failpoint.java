package dev.newsflow.sink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A step of a roll where the crash tests make the sink die as if killed with {@code kill -9}
 * ({@code NEWSFLOW_SINK_FAILPOINT=after-rename}). {@link #NONE}, the default, never halts. Halting skips
 * shutdown hooks and buffered output, so the files are left exactly as a killed process leaves them.
 */
public enum Failpoint {
    NONE,
    /** The first temporary file of a roll is written, not yet forced to disk. */
    AFTER_TEMP_WRITE,
    /** Every temporary file of the roll is on disk; nothing renamed yet. */
    AFTER_FSYNC,
    /** One file of a roll spanning several date folders is final, the others still temporary. */
    AFTER_FIRST_RENAME,
    /** Every file of the roll is final; its folders not yet forced. */
    AFTER_RENAME,
    /** The roll is durable; the consumer has not committed its offsets. */
    BEFORE_COMMIT,
    /** Offsets are committed; the JSON Feed and latest files are not yet rewritten. */
    AFTER_COMMIT;

    /** The exit status of a halt, the one a shell reports for {@code kill -9}. */
    public static final int HALT_STATUS = 137;

    private static final Logger log = LoggerFactory.getLogger(Failpoint.class);

    /** Halts the JVM when this armed failpoint is {@code reached}. */
    void check(Failpoint reached) {
        if (this != NONE && this == reached) {
            log.warn("failpoint {} reached: halting", reached);
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
