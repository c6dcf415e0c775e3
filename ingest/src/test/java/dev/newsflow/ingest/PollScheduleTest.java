package dev.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration FIVE = Duration.ofMinutes(5);
    private final PollSchedule schedule = new PollSchedule(0, Duration.ofHours(6), () -> 0.5);

    private static HttpHeaders headers(String... pairs) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], List.of(pairs[i + 1]));
        }
        return HttpHeaders.of(map, (a, b) -> true);
    }

    @Test
    void pollsAgainAfterTheIntervalByDefault() {
        assertEquals(NOW.plus(FIVE), schedule.afterSuccess(NOW, FIVE, null, headers()));
    }

    @Test
    void honoursTheFeedTtlAndCacheHeadersWhenLonger() {
        assertEquals(NOW.plus(Duration.ofMinutes(60)), schedule.afterSuccess(NOW, FIVE, Duration.ofMinutes(60), headers()));
        assertEquals(NOW.plusSeconds(1800), schedule.afterSuccess(NOW, FIVE, null, headers("Cache-Control", "public, max-age=1800")));
        assertEquals(NOW.plus(FIVE), schedule.afterSuccess(NOW, FIVE, null, headers("Cache-Control", "max-age=10")));
        assertEquals(NOW.plus(Duration.ofHours(2)), schedule.afterSuccess(NOW, FIVE, null,
                headers("Expires", "Tue, 24 Nov 2026 12:00:00 GMT")));
    }

    @Test
    void capsEveryHintAtTheCeiling() {
        assertEquals(NOW.plus(Duration.ofHours(6)), schedule.afterSuccess(NOW, FIVE, null,
                headers("Cache-Control", "max-age=31536000")));
    }

    @Test
    void backsOffExponentiallyUpToTheCeiling() {
        assertEquals(NOW.plus(FIVE), schedule.afterFailure(NOW, FIVE, 1, headers()));
        assertEquals(NOW.plus(Duration.ofMinutes(10)), schedule.afterFailure(NOW, FIVE, 2, headers()));
        assertEquals(NOW.plus(Duration.ofMinutes(40)), schedule.afterFailure(NOW, FIVE, 4, headers()));
        assertEquals(NOW.plus(Duration.ofHours(6)), schedule.afterFailure(NOW, FIVE, 50, headers()));
    }

    @Test
    void honoursRetryAfterInSecondsOrAsADate() {
        assertEquals(NOW.plusSeconds(3600), schedule.afterFailure(NOW, FIVE, 1, headers("Retry-After", "3600")));
        assertEquals(NOW.plus(Duration.ofMinutes(30)), schedule.afterFailure(NOW, FIVE, 1,
                headers("Retry-After", "Tue, 24 Nov 2026 10:30:00 GMT")));
    }

    @Test
    void spreadsPollsWithJitterWithinItsShare() {
        PollSchedule low = new PollSchedule(0.1, Duration.ofHours(6), () -> 0.0);
        PollSchedule high = new PollSchedule(0.1, Duration.ofHours(6), () -> 0.999_999);
        assertEquals(NOW.plusSeconds(270), low.afterSuccess(NOW, FIVE, null, headers()));
        assertEquals(NOW.plusSeconds(329), high.afterSuccess(NOW, FIVE, null, headers()).minusMillis(999));
    }
}
