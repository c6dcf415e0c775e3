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

    /** What whitespace folds to, told apart by identity: a run of it becomes one space. */
    private static final String SPACE = new String(" ");

    /**
     * Folded forms of the characters from U+0080 up to the minus sign U+2212 (Latin letters with diacritics,
     * typographic spaces, apostrophes and dashes), computed once: the hot path.
     */
    private static final String[] TABLE = new String[0x2213];

    /** Folded forms of ASCII: lower case, the backquote as an apostrophe, every whitespace as a space. */
    private static final char[] ASCII = new char[0x80];

    static {
        for (int c = 0x80; c < TABLE.length; c++) {
            TABLE[c] = folded(c);
        }
        for (char c = 0; c < ASCII.length; c++) {
            ASCII[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        for (char c : " \t\n\r\f".toCharArray()) {
            ASCII[c] = ' ';
        }
        ASCII['`'] = '\'';
    }

    private final String original;
    /** The folded characters, in the first {@link #length} places. */
    private final char[] chars;
    private final int length;
    private final int[] starts;
    private final int[] ends;

    private FoldedText(String original, char[] chars, int length, int[] starts, int[] ends) {
        this.original = original;
        this.chars = chars;
        this.length = length;
        this.starts = starts;
        this.ends = ends;
    }

    /** Folds {@code text} into arrays of its own; null is read as empty. */
    public static FoldedText of(String text) {
        return of(text, new Buffers());
    }

    /**
     * Folds {@code text} into {@code buffers}; null is read as empty. The result reads those buffers, so it is
     * valid until they fold another text.
     */
    static FoldedText of(String text, Buffers buffers) {
        String original = text == null ? "" : text;
        int n = original.length();
        // Read from an array: charAt on a text with any non-Latin-1 character checks the string's coder and
        // bounds on every call, which made folding cost as much as walking the trie.
        char[] chars = buffers.original(n);
        original.getChars(0, n, chars, 0);
        Builder out = buffers.builder(n);
        int i = 0;
        while (i < n) {
            char c = chars[i];
            if (c < 0x80) {
                char f = ASCII[c];
                if (f == ' ') {
                    out.space(i, i + 1);
                } else {
                    out.add(f, i, i + 1);
                }
                i++;
            } else if (!Character.isSurrogate(c)) {
                // Nearly every character is a code point of its own; only a surrogate pair needs decoding.
                fold(c, i, i + 1, out);
                i++;
            } else {
                int cp = Character.codePointAt(chars, i, n);
                int next = i + Character.charCount(cp);
                fold(cp, i, next, out);
                i = next;
            }
        }
        return out.build(original);
    }

    /** The folded form alone, for patterns. */
    public static String fold(String text) {
        return of(text).folded();
    }

    public String original() {
        return original;
    }

    public String folded() {
        return new String(chars, 0, length);
    }

    /** How many folded characters there are. */
    int length() {
        return length;
    }

    /**
     * The folded characters themselves, in the first {@link #length()} places, for the trie walk: reading them
     * from a string checks its coder and bounds on every character. Not to be changed.
     */
    char[] chars() {
        return chars;
    }

    /** Where the folded character at {@code foldedStart} begins in the original. */
    public int originalStart(int foldedStart) {
        return starts[foldedStart];
    }

    /** Where the folded range ending (exclusive) at {@code foldedEnd} ends in the original. */
    public int originalEnd(int foldedEnd) {
        return ends[foldedEnd - 1];
    }

    /** Beyond ASCII: ASCII itself folds by {@link #ASCII}. */
    private static void fold(int cp, int from, int to, Builder out) {
        String folded = cp < TABLE.length ? TABLE[cp] : folded(cp);
        if (folded == SPACE) {
            out.space(from, to);
        } else {
            out.add(folded, from, to);
        }
    }

    /** What one code point beyond ASCII folds to: {@link #SPACE} for whitespace, else zero or more characters. */
    private static String folded(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return SPACE;
        }
        return switch (cp) {
            // Typographic apostrophes and quotes that French and English texts use for elision.
            case '\u2019', '\u2018', '\u02BC', '\u00B4', '\u2032', '\u02B9' -> "'";
            // Hyphens and dashes all fold to one hyphen-minus.
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\u00AD' -> "-";
            case '\u00DF' -> "ss";
            case '\u0153', '\u0152' -> "oe";
            case '\u00E6', '\u00C6' -> "ae";
            default -> decompose(cp);
        };
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

    /**
     * The arrays folding writes, kept from one text to the next by whoever folds many (a stream thread, article
     * after article): made afresh for each field, they were a quarter of what enrich allocated, some 60 KB for
     * an article of 5,000 characters, and each new array displaced the compiled taxonomy from the caches as it
     * was written. Grown as needed, never shrunk. Not thread-safe.
     */
    static final class Buffers {
        private char[] original = new char[0];
        private final Builder builder = new Builder();

        /** Room for the original's {@code n} characters. */
        char[] original(int n) {
            if (original.length < n) {
                original = new char[n];
            }
            return original;
        }

        /** The builder, emptied, with room for {@code capacity} folded characters. */
        Builder builder(int capacity) {
            builder.reset(capacity);
            return builder;
        }
    }

    /** Accumulates folded characters with their original ranges. */
    private static final class Builder {
        private char[] text = new char[0];
        private int[] starts = new int[0];
        private int[] ends = new int[0];
        private int length;

        void reset(int capacity) {
            int size = Math.max(capacity, 4);
            if (text.length < size) {
                text = new char[size];
                starts = new int[size];
                ends = new int[size];
            }
            length = 0;
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
            return new FoldedText(original, text, length, starts, ends);
        }
    }
}
