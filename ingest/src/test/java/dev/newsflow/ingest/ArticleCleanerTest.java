package dev.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {

    private static final List<String> SCHEMES = List.of("http://", "https://", "https://", "HTTP://", "Https://",
            "javascript:", "ftp://", "mailto:", "", "//", " https://", "\u0001http://", "http:/", "https:");
    private static final List<String> HOSTS = List.of("www.simseo.fr", "example.org", "a-b.c9.net", "Example.ORG",
            "", "host:8080", "user@host", "xn--bcher-kva.example", "host.", "ex_ample.org");
    private static final List<String> PATH_PIECES = List.of("/", "/", "a", "B", "actu", "/./", "/../", "..", ".",
            "%20", "%", " ", "?", "=", "&", "#", "x.html", "~u", "\t", "é", "(", ")", "'", ";", ",", "+", "@", "!",
            "$", "*", ":", "-", "_", "\\", "&amp;");
    /** Pieces of the links articles carry, so that many take the shortcut and are compared with the full check. */
    private static final List<String> PLAIN_PIECES = List.of("/", "/", "actu", "B", "x.html", "%20", "?", "=", "&",
            "-", "_", "~u", "(", ")", ",", ";", ":", "@", "!", "$", "*", "+", "'", "2026");
    private static final List<String> BASES = List.of("https://www.simseo.fr/actu/ia/", "https://www.simseo.fr/",
            "", "not a url", "http://host/a/b?c#d", "https://x.example");
    /** Where links sit: beside text, inside tags the rules drop (their children stay), nested, without an address. */
    private static final List<String> SHAPES = List.of(
            "<p>Le sommet <a href=\"HREF\" title=\"t\">de l’APEC</a> à <em>Shanghai</em> <a href='/relatif'>ici</a></p>",
            "<div><span><a href=\"HREF\">x</a></span><a>sans lien</a> <a href=\"\">vide</a></div>",
            "<svg><a href=\"HREF\">s</a></svg><table><tr><td><a href=\"HREF\" rel=\"me\">t</a></td></tr></table>",
            "<a href=\"HREF\"><a href=\"https://www.simseo.fr/actu/ia/x\">imbriqué</a></a><script>'<a href=x>'</script>");

    private final ArticleCleaner cleaner = new ArticleCleaner(Text.ALLOWED);

    @Test
    void cleansEveryLinkExactlyAsJsoupsOwnCleanerDoes() {
        Random random = new Random(20261125);
        int shortcuts = 0;
        int sameSite = 0;
        for (int i = 0; i < 20_000; i++) {
            String href = random.nextBoolean()
                    ? pick(random, SCHEMES) + pick(random, HOSTS) + path(random, PATH_PIECES)
                    : pick(random, List.of("http://", "https://")) + pick(random, HOSTS.subList(0, 3)) + "/"
                            + path(random, PLAIN_PIECES);
            shortcuts += WrittenLinkSafelist.isPlainAbsoluteHttp(href) ? 1 : 0;
            String html = pick(random, SHAPES).replace("HREF", href.replace("\"", "&quot;"));
            String base = pick(random, BASES);
            String ours = cleaner.clean(Jsoup.parseBodyFragment(html, base)).body().html();
            assertEquals(jsoup(html, base, Text.ALLOWED), ours, "html " + html + " base " + base);
            sameSite += count(ours, "<a ") > count(ours, "rel=\"nofollow\"") ? 1 : 0;
        }
        assertTrue(shortcuts > 5_000, shortcuts + " links took the shortcut");
        assertTrue(sameSite > 1_000, sameSite + " pieces had a link without rel=nofollow");
    }

    @Test
    void takesTheShortcutOnlyForPlainAbsoluteHttpLinks() {
        assertTrue(WrittenLinkSafelist.isPlainAbsoluteHttp("https://www.simseo.fr/intelligence-artificielle/"));
        assertTrue(WrittenLinkSafelist.isPlainAbsoluteHttp("http://example.org/a?b=c&d=e%20f"));
        assertTrue(WrittenLinkSafelist.isPlainAbsoluteHttp("https://example.org"));
        assertFalse(WrittenLinkSafelist.isPlainAbsoluteHttp("https://example.org/a/../b"));
        assertFalse(WrittenLinkSafelist.isPlainAbsoluteHttp("HTTPS://example.org/"));
        assertFalse(WrittenLinkSafelist.isPlainAbsoluteHttp("https://Example.org/"));
        assertFalse(WrittenLinkSafelist.isPlainAbsoluteHttp("https://example.org:8443/"));
        assertFalse(WrittenLinkSafelist.isPlainAbsoluteHttp("https://example.org/#top"));
        assertFalse(WrittenLinkSafelist.isPlainAbsoluteHttp("/relative/path"));
        assertFalse(WrittenLinkSafelist.isPlainAbsoluteHttp("javascript:alert(1)"));
    }

    @Test
    void takesNoShortcutWhenTheRulesRefuseLinks() {
        String html = "<p><a href=\"https://example.org/\">x</a> <b>y</b></p>";
        assertEquals(jsoup(html, "", Safelist.simpleText()), new ArticleCleaner(Safelist.simpleText())
                .clean(Jsoup.parseBodyFragment(html, "")).body().html());
    }

    private static String jsoup(String html, String base, Safelist rules) {
        return new Cleaner(rules).clean(Jsoup.parseBodyFragment(html, base)).body().html();
    }

    private static int count(String text, String piece) {
        return text.split(java.util.regex.Pattern.quote(piece), -1).length - 1;
    }

    private static String path(Random random, List<String> pieces) {
        StringBuilder path = new StringBuilder();
        int length = random.nextInt(8);
        for (int k = 0; k < length; k++) {
            path.append(pick(random, pieces));
        }
        return path.toString();
    }

    private static String pick(Random random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
