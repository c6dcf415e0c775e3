package dev.newsflow.enrich.tagging;

/**
 * The characters of a text already covered by a kept match, one bit each. A span's test reads only the span's
 * own words of bits: {@code BitSet.nextSetBit} read on to the next taken character, to the end of the text for
 * the first and longest spans, and that was most of the overlap test's time.
 */
final class TakenSpans {

    private final long[] words;

    TakenSpans(int length) {
        words = new long[(length + 63) >>> 6];
    }

    /** Whether any character in {@code [from, to)} is taken; {@code from < to}. */
    boolean anyTaken(int from, int to) {
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        // Shifts take their distance modulo 64: the first word from bit from, the last up to bit to - 1.
        long firstMask = -1L << from;
        long lastMask = -1L >>> -to;
        if (first == last) {
            return (words[first] & firstMask & lastMask) != 0;
        }
        if ((words[first] & firstMask) != 0) {
            return true;
        }
        for (int w = first + 1; w < last; w++) {
            if (words[w] != 0) {
                return true;
            }
        }
        return (words[last] & lastMask) != 0;
    }

    /** Marks {@code [from, to)} taken; {@code from < to}. */
    void take(int from, int to) {
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        long firstMask = -1L << from;
        long lastMask = -1L >>> -to;
        if (first == last) {
            words[first] |= firstMask & lastMask;
            return;
        }
        words[first] |= firstMask;
        for (int w = first + 1; w < last; w++) {
            words[w] = -1L;
        }
        words[last] |= lastMask;
    }
}
