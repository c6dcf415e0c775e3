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
        for (int w = from >>> 6; w <= (to - 1) >>> 6; w++) {
            if ((words[w] & bits(w, from, to)) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Marks {@code [from, to)} taken; {@code from < to}. */
    void take(int from, int to) {
        for (int w = from >>> 6; w <= (to - 1) >>> 6; w++) {
            words[w] |= bits(w, from, to);
        }
    }

    /** The bits of word {@code w} that {@code [from, to)} covers. */
    private static long bits(int w, int from, int to) {
        long bits = -1L;
        if (w == from >>> 6) {
            bits &= -1L << from; // a shift takes its distance modulo 64: from bit from on
        }
        if (w == (to - 1) >>> 6) {
            bits &= -1L >>> -to; // up to bit to - 1
        }
        return bits;
    }
}
