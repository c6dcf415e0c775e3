package dev.newsflow.ingest;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the main text of an article page: the body of the article without the navigation, headers, footers,
 * side panels, scripts, forms, captions and share or related-links widgets around and inside it. Plain jsoup
 * on a parsed page, no I/O; it returns HTML for {@link Text} to clean, exactly as a feed's own HTML is cleaned.
 *
 * <p>Which element: the first of {@code <article>}, {@code [itemprop=articleBody]}, {@code <main>} that holds
 * an article's worth of paragraph text (the one with the most, when a page has several); else the element whose
 * own paragraphs hold the most text. Paragraph text is counted without the text of its links, so a list of
 * links never passes for an article.
 */
final class MainText {

    /** Paragraph text below which a container is a shell or a teaser, not an article. */
    static final int MIN_TEXT = 140;

    /** Elements that are never article text, whatever the page. */
    private static final String NOISE = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "nav, header, footer, aside, form, button, input, select, textarea, dialog, figcaption, "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search], "
            + "[aria-hidden=true], [hidden]";
    /** Words in the class or id of the widgets pages put around and inside articles. */
    private static final Pattern WIDGET = Pattern.compile("(?:^|[\\s_-])(?:share|sharing|social|related|comments?"
            + "|newsletter|subscribe|signup|promo|advert\\w*|ads?|sponsor\\w*|cookies?|consent|breadcrumbs?|sidebar"
            + "|popup|modal|paywall|tags)(?:$|[\\s_-])", Pattern.CASE_INSENSITIVE);
    /** Semantic containers of the main text, in order of preference. */
    private static final List<String> PREFERRED = List.of("article", "[itemprop=articleBody]", "main");
    /** Blocks inside the chosen element that are dropped when links make up most of their text. */
    private static final String LINK_BLOCKS = "ul, ol, dl, div, section, table";

    private MainText() {
    }

    /**
     * The inner HTML of the page's main text, or null when the page has none worth taking. Removes the noise
     * from {@code page} itself: call once per parsed page.
     */
    static String html(Document page) {
        page.select(NOISE).remove();
        removeWidgets(page, paragraphText(page));
        Map<Element, Integer> text = paragraphText(page);
        Element main = preferred(page, text);
        if (main == null) {
            main = densestBlock(page);
        }
        if (main == null) {
            return null;
        }
        for (Element block : main.select(LINK_BLOCKS)) {
            if (block != main && mostlyLinks(block)) {
                block.remove();
            }
        }
        return main.html();
    }

    /**
     * Per element, the text of every paragraph inside it minus the text of their links: what a reader reads
     * there, not what they click. One pass up from each paragraph (jsoup bounds the depth of a tree), so a
     * hostile page costs linear time, not one subtree walk per element.
     */
    private static Map<Element, Integer> paragraphText(Document page) {
        Map<Element, Integer> text = new IdentityHashMap<>();
        for (Element p : page.select("p")) {
            int own = ownText(p);
            if (own > 0) {
                for (Element e = p; e != null; e = e.parent()) {
                    text.merge(e, own, Integer::sum);
                }
            }
        }
        return text;
    }

    /** A widget-named element is dropped, unless it holds an article's worth of text: then it is a wrapper. */
    private static void removeWidgets(Document page, Map<Element, Integer> text) {
        for (Element e : page.body().select("[class], [id]")) {
            if (e != page.body() && WIDGET.matcher(e.className() + " " + e.id()).find()
                    && text.getOrDefault(e, 0) < MIN_TEXT) {
                e.remove();
            }
        }
    }

    private static Element preferred(Document page, Map<Element, Integer> text) {
        for (String selector : PREFERRED) {
            Element best = null;
            int bestText = MIN_TEXT - 1;
            for (Element candidate : page.select(selector)) {
                int t = text.getOrDefault(candidate, 0);
                if (t > bestText) {
                    best = candidate;
                    bestText = t;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /**
     * The element whose own paragraphs (its children, not deeper) hold the most text: counting deeper would
     * always pick {@code <body>}, which holds every paragraph.
     */
    private static Element densestBlock(Document page) {
        Map<Element, Integer> byParent = new IdentityHashMap<>();
        for (Element p : page.body().select("p")) {
            Element parent = p.parent();
            if (parent != null) {
                byParent.merge(parent, ownText(p), Integer::sum);
            }
        }
        return byParent.entrySet().stream().filter(e -> e.getValue() > 0)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** A paragraph's text minus its links' text. */
    private static int ownText(Element p) {
        return Math.max(0, p.text().length() - linkText(p));
    }

    private static boolean mostlyLinks(Element block) {
        int text = block.text().length();
        return text > 0 && linkText(block) * 2 > text;
    }

    private static int linkText(Element e) {
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return links;
    }
}
