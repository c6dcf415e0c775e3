package dev.newsflow.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineRunTest {

    private static final Instant FIRST_FETCH = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void countsArrivalsInEachWholeSecondAfterTheFirstFetchGapsIncluded() {
        List<ArchiveWatcher.Arrival> arrivals = List.of(
                arrival("08:00:00.300"), arrival("08:00:00.999"), arrival("08:00:01.000"),
                arrival("08:00:03.500"), arrival("08:00:03.600"), arrival("08:00:03.999"));
        assertArrayEquals(new int[] {2, 1, 0, 3}, PipelineRun.perSecond(arrivals, FIRST_FETCH));
    }

    @Test
    void noArrivalsGiveNoSeconds() {
        assertArrayEquals(new int[0], PipelineRun.perSecond(List.of(), FIRST_FETCH));
    }

    private static ArchiveWatcher.Arrival arrival(String seenAt) {
        return new ArchiveWatcher.Arrival(FIRST_FETCH, Instant.parse("2026-11-25T" + seenAt + "Z"));
    }
}
