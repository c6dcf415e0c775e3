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
 * A failure that keeps coming back is not passing: past {@link #MAX_REPLACEMENTS} in {@link #WINDOW} the
 * client shuts down, enrich exits, and whatever runs it sees the error.
 */
final class StreamThreadReplacer implements StreamsUncaughtExceptionHandler {

    static final int MAX_REPLACEMENTS = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(StreamThreadReplacer.class);

    private final Clock clock;
    private final Deque<Long> replacements = new ArrayDeque<>();

    StreamThreadReplacer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        long now = clock.millis();
        while (!replacements.isEmpty() && replacements.peekFirst() < now - WINDOW.toMillis()) {
            replacements.removeFirst();
        }
        if (replacements.size() >= MAX_REPLACEMENTS) {
            log.error("A stream thread died {} times within {}; shutting enrich down", MAX_REPLACEMENTS + 1,
                    WINDOW, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.addLast(now);
        log.warn("A stream thread died; starting a new one, which resumes from the last commit", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
