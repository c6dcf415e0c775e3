package dev.newsflow.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Article HTML (from a feed or from the article's page) to plain text and to a sanitised HTML copy, with the
 * field caps every article obeys. Both sources go through here, so they are cleaned alike.
 */
final class Text {

    static final int MAX_TITLE = 1_000;
    static final int MAX_SUMMARY = 10_000;
    static final int MAX_CONTENT = 200_000;

    /** Links, emphasis, lists, quotes and paragraphs; no scripts, styles, handlers, images or iframes. */
    static final Safelist ALLOWED = Safelist.basic()
            .addTags("h2", "h3", "h4", "figure", "figcaption")
            .addProtocols("a", "href", "http", "https");
    private static final ArticleCleaner CLEANER = new ArticleCleaner(ALLOWED);

    private Text() {
    }

    /**
     * One piece of article HTML as plain text and as a sanitised copy, from one parse. Neither is capped yet.
     *
     * @param html the sanitised copy, null when there was no markup (plain text: the text says it all)
     */
    record Cleaned(String text, String html) {

        static final Cleaned EMPTY = new Cleaned("", null);

        /** The text capped as {@code content}. */
        String content() {
            return field(text, MAX_CONTENT);
        }

        /** The sanitised copy capped as {@code contentHtml}. */
        String safeContent() {
            return field(html, MAX_CONTENT);
        }
    }

    static String plain(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (isPlainText(html)) {
            // No markup and no entity: parsing would only collapse whitespace, which this does as text() does.
            return normalised(html);
        }
        return Jsoup.parse(html).text();
    }

    /** @param baseUri resolves relative links; may be null */
    static Cleaned clean(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return Cleaned.EMPTY;
        }
        if (isPlainText(html)) {
            // Without markup there is no HTML to keep: a copy would only repeat the text, escaped, and it doubled
            // the bytes every stage moved for such items (see the README's Performance section).
            return new Cleaned(normalised(html), null);
        }
        // What Jsoup.clean does, keeping the parsed fragment to read the text from as well.
        Document dirty = Jsoup.parseBodyFragment(html, baseUri == null ? "" : baseUri);
        String text = dirty.body().text();
        return new Cleaned(text, CLEANER.clean(dirty).body().html());
    }

    /**
     * The text as jsoup's {@code text()} reads a text node: every run of whitespace as one space, invisible
     * characters dropped, no whitespace at either end; so plain-text items come out as HTML ones do.
     * <p>
     * Feeds mostly send text that already reads so, perhaps padded with whitespace, and that text comes back
     * as it is, or cut to its padding, without a copy of its characters: a first pass reads it in small
     * chunks only to find where it would change. From there one pass collapses, in place, in a copy of the
     * chars: {@code charAt} on a text with any non-Latin-1 character checks the string's coder and bounds on
     * every call. No surrogate is whitespace or invisible, so pairs pass through as they are.
     */
    static String normalised(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPadding(text.charAt(start))) {
            start++;
        }
        while (end > start && isPadding(text.charAt(end - 1))) {
            end--;
        }
        int change = firstChange(text, start, end);
        if (change == end) {
            return text.substring(start, end);
        }
        char[] out = new char[end - start];
        text.getChars(start, end, out, 0);
        int n = change - start;
        boolean lastWasWhite = n > 0 && out[n - 1] == ' ';
        for (int i = n; i < out.length; i++) {
            char c = out[i];
            if (isWhite(c)) {
                if (!lastWasWhite) {
                    out[n++] = ' ';
                    lastWasWhite = true;
                }
            } else if (!isInvisible(c)) {
                out[n++] = c;
                lastWasWhite = false;
            }
        }
        return new String(out, 0, n);
    }

    /**
     * Where, between {@code start} and {@code end} (neither of them whitespace), the collapse would first change
     * the text, or {@code end}: a character that is whitespace other than a lone space, or invisible.
     */
    private static int firstChange(String text, int start, int end) {
        char[] chunk = new char[256];
        boolean lastWasSpace = false;
        for (int from = start; from < end; from += chunk.length) {
            int to = Math.min(end, from + chunk.length);
            text.getChars(from, to, chunk, 0);
            for (int k = 0; k < to - from; k++) {
                char c = chunk[k];
                if (c > ' ' && c < '\u00A0') {
                    // Letters, digits and punctuation of Latin scripts: most of any text, settled in one test.
                    lastWasSpace = false;
                } else if (c == ' ' && !lastWasSpace) {
                    lastWasSpace = true;
                } else if (!isWhite(c) && !isInvisible(c)) {
                    lastWasSpace = false;
                } else {
                    return from + k;
                }
            }
        }
        return end;
    }

    /** What the collapse reads as a space: jsoup's whitespace. */
    private static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00A0';
    }

    /** What the collapse drops: zero-width spaces and soft hyphens. */
    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u00AD';
    }

    /** What leaves no trace at either end of the text: whitespace of either kind, or invisible. */
    private static boolean isPadding(char c) {
        return isWhite(c) || isInvisible(c) || Character.isWhitespace(c);
    }

    private static boolean isPlainText(String html) {
        return html.indexOf('<') < 0 && html.indexOf('&') < 0;
    }

    static String field(String text, int max) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        int end = Character.isHighSurrogate(stripped.charAt(max - 1)) ? max - 1 : max;
        return stripped.substring(0, end);
    }
}
