package dev.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a client counts as stalled, looked at every 5 s as the service does. */
class StallWatchTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final boolean RUNNING = true;
    private static final boolean REBALANCING = false;
    private static final boolean WAITING = true;
    private static final boolean NOTHING_WAITING = false;
    private static final boolean BROKER_UP = true;
    private static final boolean BROKER_DOWN = false;

    private final StallWatch watch = new StallWatch(TIMEOUT, Duration.ofSeconds(15));

    /** Looks every 5 s from {@code from} for {@code seconds}; true if any look reported a stall. */
    private boolean looks(int from, int seconds, boolean running, boolean waiting, boolean broker, long progress) {
        boolean stalled = false;
        for (int s = from; s <= from + seconds; s += 5) {
            stalled |= watch.stalled(running, waiting, broker, progress, T0.plusSeconds(s));
        }
        return stalled;
    }

    private boolean lookAt(int second, boolean running, boolean waiting, boolean broker, long progress) {
        return watch.stalled(running, waiting, broker, progress, T0.plusSeconds(second));
    }

    @Test
    void aClientRebalancingWithoutProgressWhileTheBrokerAnswersIsStalledOnceTheTimeoutHasPassed() {
        assertFalse(looks(0, 55, REBALANCING, NOTHING_WAITING, BROKER_UP, 7));
        assertTrue(lookAt(60, REBALANCING, NOTHING_WAITING, BROKER_UP, 7));
        // Reported once, then given a full timeout again (the replacement's turn).
        assertFalse(looks(65, 50, REBALANCING, NOTHING_WAITING, BROKER_UP, 7));
        assertTrue(lookAt(120, REBALANCING, NOTHING_WAITING, BROKER_UP, 7));
    }

    @Test
    void aRunningClientWithRecordsWaitingAndNoProgressIsStalledOnceTheTimeoutHasPassed() {
        assertFalse(looks(0, 55, RUNNING, WAITING, BROKER_UP, 7));
        assertTrue(lookAt(60, RUNNING, WAITING, BROKER_UP, 7));
    }

    @Test
    void aRunningClientWithNothingWaitingIsIdleNotStalled() {
        assertFalse(looks(0, 600, RUNNING, NOTHING_WAITING, BROKER_UP, 7));
        // Records arrive and stay: the timeout counts from the last look that found nothing waiting.
        assertFalse(looks(605, 50, RUNNING, WAITING, BROKER_UP, 7));
        assertTrue(lookAt(660, RUNNING, WAITING, BROKER_UP, 7));
    }

    @Test
    void progressOrRunningWithNothingWaitingStartsTheWatchOver() {
        assertFalse(looks(0, 50, REBALANCING, WAITING, BROKER_UP, 7));
        assertFalse(lookAt(55, REBALANCING, WAITING, BROKER_UP, 8), "a restored batch or a processed record");
        assertFalse(looks(60, 50, REBALANCING, WAITING, BROKER_UP, 8));
        assertTrue(lookAt(115, REBALANCING, WAITING, BROKER_UP, 8));

        assertFalse(looks(120, 50, RUNNING, WAITING, BROKER_UP, 8));
        assertFalse(lookAt(175, RUNNING, NOTHING_WAITING, BROKER_UP, 8));
        assertFalse(looks(180, 50, RUNNING, WAITING, BROKER_UP, 8));
    }

    @Test
    void timeWithoutTheBrokerDoesNotCount() {
        assertFalse(looks(0, 600, REBALANCING, WAITING, BROKER_DOWN, 7), "a broker outage is not a stall");
        assertFalse(looks(605, 50, REBALANCING, WAITING, BROKER_UP, 7));
        assertTrue(lookAt(660, REBALANCING, WAITING, BROKER_UP, 7));
    }

    @Test
    void aProcessFrozenBetweenTwoLooksGetsAFullTimeoutWhenItRunsAgain() {
        assertFalse(looks(0, 30, RUNNING, WAITING, BROKER_UP, 7));
        // SIGSTOP for two minutes: the next look comes late, and the client has had no time to recover.
        assertFalse(lookAt(150, RUNNING, WAITING, BROKER_UP, 7));
        assertFalse(looks(155, 50, RUNNING, WAITING, BROKER_UP, 7));
        assertTrue(lookAt(210, RUNNING, WAITING, BROKER_UP, 7));
    }
}
