package dev.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MainTextTest {

    /** Parsed as ingest parses a page with no charset in its Content-Type: BOM, then meta, then UTF-8. */
    private static String mainText(String page) throws IOException {
        return Text.plain(MainText.html(Jsoup.parse(new ByteArrayInputStream(Fixtures.page(page)), null,
                "https://news.example/articles/x")));
    }

    private static void assertHasNone(String text, List<String> noise) {
        noise.forEach(n -> assertFalse(text.contains(n), () -> "'" + n + "' in: " + text));
    }

    @Test
    void takesTheArticleBodyWithoutNavigationSidebarsWidgetsAndScripts() throws IOException {
        String text = mainText("chip-plant.html");
        assertTrue(text.startsWith("Construction of a new semiconductor plant began on Thursday"), text);
        assertTrue(text.contains("employ about two thousand people"), text);
        assertTrue(text.contains("Critics point to the water the factory will need"), "link text stays text: " + text);
        assertHasNone(text, List.of("Home", "Chips Energy", "cookies", "By Jane Doe", "Share on X", "Photo:",
                "Injected advert", "tracking", "Chip makers look east", "Filed under", "A short teaser", "Most read",
                "newsletter", "©"));
    }

    @Test
    void readsAFrenchPageInTheCharsetItsMetaDeclaresAndKeepsOnlyTheArticleBody() throws IOException {
        String text = mainText("ia-shanghai.html");
        assertTrue(text.startsWith("Au sommet de l’APEC, la Chine a proposé de créer une organisation mondiale"), text);
        assertTrue(text.contains("la future organisation aurait son siège à Shanghai"), text);
        assertTrue(text.contains("demandent à voir comment les décisions seraient prises."), text);
        assertHasNone(text, List.of("Accueil", "S’abonner", "Partager", "IA APEC Chine", "Jean :", "Les plus lus",
                "Mentions légales", "NewsArticle"));
    }

    @Test
    void fallsBackToTheBlockWhoseOwnParagraphsHoldTheMostText() {
        String paragraph = "<p>This is one paragraph of the story, long enough to count as reading matter.</p>";
        String html = "<html><body><div id=wrap><div class=menu><p><a href=/a>Link one</a></p><p><a href=/b>Link two"
                + "</a></p></div><div class=story>" + paragraph.repeat(3) + "</div><div class=teaser><p>Short.</p></div>"
                + "</div></body></html>";
        String text = Text.plain(MainText.html(Jsoup.parse(html)));
        assertTrue(text.startsWith("This is one paragraph"), text);
        assertHasNone(text, List.of("Link one", "Short."));
    }

    @Test
    void findsNothingInAPageOfLinks() {
        String html = "<html><body><ul><li><a href=/a>First story</a></li><li><a href=/b>Second story</a></li></ul>"
                + "<p><a href=/c>More stories</a></p></body></html>";
        assertNull(MainText.html(Jsoup.parse(html)));
    }
}
