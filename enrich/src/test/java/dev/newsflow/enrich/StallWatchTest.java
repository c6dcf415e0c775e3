package dev.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a client out of the running state counts as stalled, looked at every 5 s as the service does. */
class StallWatchTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private final StallWatch watch = new StallWatch(TIMEOUT, Duration.ofSeconds(15));

    /** Looks every 5 s from {@code from} for {@code seconds}; true if any look reported a stall. */
    private boolean looks(int from, int seconds, boolean running, boolean broker, long progress) {
        boolean stalled = false;
        for (int s = from; s <= from + seconds; s += 5) {
            stalled |= watch.stalled(running, broker, progress, T0.plusSeconds(s));
        }
        return stalled;
    }

    @Test
    void aClientRebalancingWithoutProgressWhileTheBrokerAnswersIsStalledOnceTheTimeoutHasPassed() {
        assertFalse(looks(0, 55, false, true, 7));
        assertTrue(watch.stalled(false, true, 7, T0.plusSeconds(60)));
        // Reported once, then given a full timeout again (the replacement's turn).
        assertFalse(looks(65, 50, false, true, 7));
        assertTrue(watch.stalled(false, true, 7, T0.plusSeconds(120)));
    }

    @Test
    void progressOrRunningStartsTheWatchOver() {
        assertFalse(looks(0, 50, false, true, 7));
        assertFalse(watch.stalled(false, true, 8, T0.plusSeconds(55)), "a restored batch or a processed record");
        assertFalse(looks(60, 50, false, true, 8));
        assertTrue(watch.stalled(false, true, 8, T0.plusSeconds(115)));

        assertFalse(looks(120, 50, false, true, 8));
        assertFalse(watch.stalled(true, true, 8, T0.plusSeconds(175)));
        assertFalse(looks(180, 50, false, true, 8));
    }

    @Test
    void timeWithoutTheBrokerDoesNotCount() {
        assertFalse(looks(0, 600, false, false, 7), "a broker outage is not a stall");
        assertFalse(looks(605, 50, false, true, 7));
        assertTrue(watch.stalled(false, true, 7, T0.plusSeconds(660)));
    }

    @Test
    void aProcessFrozenBetweenTwoLooksGetsAFullTimeoutWhenItRunsAgain() {
        assertFalse(looks(0, 30, false, true, 7));
        // SIGSTOP for two minutes: the next look comes late, and the client has had no time to recover.
        assertFalse(watch.stalled(false, true, 7, T0.plusSeconds(150)));
        assertFalse(looks(155, 50, false, true, 7));
        assertTrue(watch.stalled(false, true, 7, T0.plusSeconds(210)));
    }
}
