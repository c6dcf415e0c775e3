package dev.newsflow.ingest;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Elements;

/**
 * jsoup's {@link Cleaner} with a safelist's rules, the same output, and no link written as a plain absolute
 * http(s) URL ever resolved. jsoup resolves a link's address twice while cleaning: to check its protocol
 * ({@link WrittenLinkSafelist} skips that) and, where the rules give links {@code rel="nofollow"}, to leave it off
 * links into the page's own site. Resolving goes through a regular expression and {@code java.net.URL}; on HTML
 * with a link in each paragraph the second one alone was a quarter of the cleaning. Here the cleaner adds no
 * {@code rel}, and this class adds it after, by the same rule: a plain absolute URL resolves to itself, so for
 * those the rule is a prefix test.
 */
final class ArticleCleaner {

    private static final String NOFOLLOW = "nofollow";

    private final Safelist withoutRel;
    private final Safelist full;
    /** Whether the rules give links rel="nofollow" at all. */
    private final boolean noFollow;

    ArticleCleaner(Safelist rules) {
        this.full = new WrittenLinkSafelist(rules);
        this.noFollow = NOFOLLOW.equals(rules.getEnforcedAttributes("a").get("rel"));
        this.withoutRel = noFollow
                ? new WrittenLinkSafelist(new Safelist(rules).removeEnforcedAttribute("a", "rel")) : full;
    }

    /** The safe copy of {@code dirty}'s body, as {@code new Cleaner(rules).clean(dirty)} makes it. */
    Document clean(Document dirty) {
        if (!noFollow) {
            return new Cleaner(full).clean(dirty);
        }
        Document clean = new Cleaner(withoutRel).clean(dirty);
        // The cleaner keeps every link, in order (a link is a safe tag, and an unsafe parent's children are kept),
        // so the i-th link of each body is the same one. The source links are read after cleaning, as jsoup reads
        // them: its protocol check has by then rewritten each safe address in place to its resolved form.
        Elements written = dirty.body().getElementsByTag("a");
        Elements kept = clean.body().getElementsByTag("a");
        if (written.size() != kept.size()) {
            return new Cleaner(full).clean(dirty);
        }
        for (int i = 0; i < written.size(); i++) {
            if (leavesSite(written.get(i))) {
                kept.get(i).attr("rel", NOFOLLOW);
            }
        }
        return clean;
    }

    /** jsoup's rule: nofollow unless the link's absolute address starts with the page's own. */
    private static boolean leavesSite(Element link) {
        String written = link.attr("href");
        String href = WrittenLinkSafelist.isPlainAbsoluteHttp(written) ? written : link.absUrl("href");
        String base = link.baseUri();
        return href.isEmpty() || base.isEmpty() || !href.startsWith(base);
    }
}
