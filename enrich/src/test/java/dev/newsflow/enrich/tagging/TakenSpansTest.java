package dev.newsflow.enrich.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TakenSpansTest {

    /** Random spans over texts of up to 300 characters, many crossing or ending on a 64-bit word's edge. */
    @Test
    void answersAsABitSetOfTheSameSpansWould() {
        Random random = new Random(20261126);
        for (int round = 0; round < 2_000; round++) {
            int length = 1 + random.nextInt(300);
            TakenSpans taken = new TakenSpans(length);
            BitSet expected = new BitSet(length);
            for (int k = 0; k < 40; k++) {
                int from = random.nextInt(length);
                int to = from + 1 + random.nextInt(Math.min(length - from, 1 + random.nextInt(130)));
                int next = expected.nextSetBit(from);
                boolean overlaps = next >= 0 && next < to;
                String span = "[" + from + ", " + to + ") of " + length + " with " + expected;
                assertEquals(overlaps, taken.anyTaken(from, to), span);
                if (!overlaps && random.nextBoolean()) {
                    taken.take(from, to);
                    expected.set(from, to);
                }
            }
        }
    }
}
