package dev.newsflow.enrich.tagging;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A text folded for matching (lower case, accents removed, one apostrophe, one hyphen, whitespace runs
 * collapsed to one space), with the map from every folded character back to its range in the original,
 * so that a match found in the folded text is reported at its true place in the original.
 */
public final class FoldedText {

    /** Folded forms of the Latin letters with diacritics (U+0080 to U+02FF), computed once: the hot path. */
    private static final String[] LATIN = new String[0x300];

    static {
        for (int c = 0x80; c < LATIN.length; c++) {
            LATIN[c] = decompose(c);
        }
    }

    private final String original;
    private final String folded;
    private final int[] starts;
    private final int[] ends;

    private FoldedText(String original, String folded, int[] starts, int[] ends) {
        this.original = original;
        this.folded = folded;
        this.starts = starts;
        this.ends = ends;
    }

    /** Folds {@code text}; null is read as empty. */
    public static FoldedText of(String text) {
        String original = text == null ? "" : text;
        Builder out = new Builder(original.length());
        int i = 0;
        while (i < original.length()) {
            char c = original.charAt(i);
            // Nearly every character is a code point of its own; only a surrogate pair needs decoding.
            if (!Character.isSurrogate(c)) {
                fold(c, i, i + 1, out);
                i++;
            } else {
                int cp = original.codePointAt(i);
                int next = i + Character.charCount(cp);
                fold(cp, i, next, out);
                i = next;
            }
        }
        return out.build(original);
    }

    /** The folded form alone, for patterns. */
    public static String fold(String text) {
        return of(text).folded;
    }

    public String original() {
        return original;
    }

    public String folded() {
        return folded;
    }

    /** Where the folded character at {@code foldedStart} begins in the original. */
    public int originalStart(int foldedStart) {
        return starts[foldedStart];
    }

    /** Where the folded range ending (exclusive) at {@code foldedEnd} ends in the original. */
    public int originalEnd(int foldedEnd) {
        return ends[foldedEnd - 1];
    }

    private static void fold(int cp, int from, int to, Builder out) {
        if (cp < 0x80) {
            if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f') {
                out.space(from, to);
            } else if (cp == '`') {
                out.add('\'', from, to);
            } else {
                out.add((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp), from, to);
            }
            return;
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            out.space(from, to);
            return;
        }
        switch (cp) {
            // Typographic apostrophes and quotes that French and English texts use for elision.
            case '\u2019', '\u2018', '\u02BC', '\u00B4', '\u2032', '\u02B9' -> out.add('\'', from, to);
            // Hyphens and dashes all fold to one hyphen-minus.
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\u00AD' -> out.add('-', from, to);
            case '\u00DF' -> out.add("ss", from, to);
            case '\u0153', '\u0152' -> out.add("oe", from, to);
            case '\u00E6', '\u00C6' -> out.add("ae", from, to);
            default -> out.add(cp < LATIN.length ? LATIN[cp] : decompose(cp), from, to);
        }
    }

    /** Compatibility decomposition without the combining marks, in lower case: "É" to "e", "ﬁ" to "fi". */
    private static String decompose(int cp) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int k = 0; k < decomposed.length(); k++) {
            char c = decomposed.charAt(k);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                kept.append(c);
            }
        }
        return kept.toString().toLowerCase(Locale.ROOT);
    }

    /** Accumulates folded characters with their original ranges. */
    private static final class Builder {
        private char[] text;
        private int[] starts;
        private int[] ends;
        private int length;

        Builder(int capacity) {
            int size = Math.max(capacity, 4);
            text = new char[size];
            starts = new int[size];
            ends = new int[size];
        }

        void add(char c, int from, int to) {
            if (length == text.length) {
                grow();
            }
            text[length] = c;
            starts[length] = from;
            ends[length] = to;
            length++;
        }

        void add(String s, int from, int to) {
            for (int k = 0; k < s.length(); k++) {
                add(s.charAt(k), from, to);
            }
        }

        /** A whitespace run becomes one space whose range covers the whole run. */
        void space(int from, int to) {
            if (length > 0 && text[length - 1] == ' ') {
                ends[length - 1] = to;
            } else {
                add(' ', from, to);
            }
        }

        /** Folding can lengthen a text ("ß" to "ss"), past the original's length that sized the arrays. */
        private void grow() {
            text = Arrays.copyOf(text, text.length * 2);
            starts = Arrays.copyOf(starts, starts.length * 2);
            ends = Arrays.copyOf(ends, ends.length * 2);
        }

        FoldedText build(String original) {
            return new FoldedText(original, new String(text, 0, length), starts, ends);
        }
    }
}
