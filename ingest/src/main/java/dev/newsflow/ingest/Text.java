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
            return collapseWhitespace(html).strip();
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
            return new Cleaned(collapseWhitespace(html).strip(), null);
        }
        // What Jsoup.clean does, keeping the parsed fragment to read the text from as well.
        Document dirty = Jsoup.parseBodyFragment(html, baseUri == null ? "" : baseUri);
        String text = dirty.body().text();
        return new Cleaned(text, CLEANER.clean(dirty).body().html());
    }

    /**
     * The text with every run of whitespace as one space and invisible characters dropped, as jsoup's
     * {@code text()} reads a text node, so plain-text items come out as HTML ones do. One pass over the chars
     * into an array sized once: jsoup's own helper reads code points into a growing builder, which took a
     * quarter of ingest's profile on plain-text feeds. In place, in a copy of the chars: charAt on a text with
     * any non-Latin-1 character checks the string's coder and bounds on every call. No surrogate is whitespace
     * or invisible, so pairs pass through as they are.
     */
    static String collapseWhitespace(String text) {
        char[] out = text.toCharArray();
        int n = 0;
        boolean lastWasWhite = false;
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00A0') {
                if (!lastWasWhite) {
                    out[n++] = ' ';
                    lastWasWhite = true;
                }
            } else if (c != '\u200B' && c != '\u00AD') {
                out[n++] = c;
                lastWasWhite = false;
            }
        }
        return new String(out, 0, n);
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
