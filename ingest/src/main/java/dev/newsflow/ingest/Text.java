package dev.newsflow.ingest;

import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
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
    private static final Safelist SAFE = Safelist.basic()
            .addTags("h2", "h3", "h4", "figure", "figcaption")
            .addProtocols("a", "href", "http", "https");

    private Text() {
    }

    static String plain(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            // No markup and no entity: parsing would only collapse whitespace, which this does as text() does.
            return StringUtil.normaliseWhitespace(html).strip();
        }
        return Jsoup.parse(html).text();
    }

    /** @param baseUri resolves relative links; may be null */
    static String sanitise(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return null;
        }
        return Jsoup.clean(html, baseUri == null ? "" : baseUri, SAFE);
    }

    /** The plain text of article HTML, capped as {@code content}. */
    static String content(String html) {
        return field(plain(html), MAX_CONTENT);
    }

    /** The sanitised copy of article HTML, capped as {@code contentHtml}; null when there is no HTML. */
    static String safeContent(String html, String baseUri) {
        String safe = sanitise(html, baseUri);
        return safe == null ? null : field(safe, MAX_CONTENT);
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
