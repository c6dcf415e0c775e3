package dev.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RollPolicyTest {

    private final RollPolicy policy = new RollPolicy(100, 10_000, Duration.ofSeconds(5));

    @Test
    void rollsWhenTheRecordCountIsReached() {
        assertEquals(Optional.of(RollPolicy.Reason.RECORD_COUNT), policy.due(100, 10, Duration.ZERO));
    }

    @Test
    void rollsWhenTheSizeIsReached() {
        assertEquals(Optional.of(RollPolicy.Reason.SIZE), policy.due(3, 10_000, Duration.ZERO));
    }

    @Test
    void rollsWhenTheOldestLineHasWaitedTheMaximumAge() {
        assertEquals(Optional.of(RollPolicy.Reason.AGE), policy.due(1, 10, Duration.ofSeconds(5)));
    }

    @Test
    void letsASmallYoungBufferGrow() {
        assertTrue(policy.due(99, 9_999, Duration.ofMillis(4_999)).isEmpty());
    }

    @Test
    void neverRollsABufferWithoutLines() {
        assertTrue(policy.due(0, 0, Duration.ofHours(1)).isEmpty());
    }

    @Test
    void refusesLimitsThatAreNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new RollPolicy(0, 1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RollPolicy(1, 1, Duration.ZERO));
    }
}
