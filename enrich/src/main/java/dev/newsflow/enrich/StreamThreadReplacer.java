package dev.newsflow.enrich;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a stream thread that died, so a passing failure (the broker gone for longer than a send may
 * wait) costs a restart of that thread, not of the service. Under exactly-once the dead thread's open
 * transaction is aborted and its replacement resumes from the last commit, so nothing is lost or doubled.
 * A failure that keeps coming back is not passing: past {@link #REPLACEMENTS_A_THREAD} for each stream thread
 * in {@link #WINDOW} the client shuts down, enrich exits, and whatever runs it sees the error. The allowance
 * is per thread because one broker outage can kill every thread at once.
 */
final class StreamThreadReplacer implements StreamsUncaughtExceptionHandler {

    static final int REPLACEMENTS_A_THREAD = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(StreamThreadReplacer.class);

    private final Clock clock;
    private final int maxReplacements;
    private final Deque<Long> replacements = new ArrayDeque<>();

    StreamThreadReplacer(Clock clock, int threads) {
        this.clock = clock;
        this.maxReplacements = REPLACEMENTS_A_THREAD * threads;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        long now = clock.millis();
        while (!replacements.isEmpty() && replacements.peekFirst() < now - WINDOW.toMillis()) {
            replacements.removeFirst();
        }
        if (replacements.size() >= maxReplacements) {
            log.error("A stream thread died {} times within {}; shutting enrich down", maxReplacements + 1,
                    WINDOW, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.addLast(now);
        log.warn("A stream thread died; starting a new one, which resumes from the last commit", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
