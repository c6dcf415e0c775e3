package dev.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.ArticleId;
import dev.newsflow.core.Json;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.SchemaAssertions;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {

    private static final String BASE = "http://example.org/feed.xml";
    private final FeedParser parser = new FeedParser(Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));

    private List<RawArticle> parse(String fixture) throws IOException {
        return parser.parse(Fixtures.bytes(fixture), null, BASE, BASE, null).articles();
    }

    private List<RawArticle> parse(String body, String contentType) throws IOException {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), contentType, BASE, BASE, null).articles();
    }

    @Test
    void readsRss10Rdf() throws IOException {
        RawArticle a = parse("rss10.rdf").get(0);
        assertEquals("An RDF item", a.title());
        assertEquals("http://example.org/rdf/1", a.url());
        assertEquals(Instant.parse("2026-11-20T06:30:00Z"), a.publishedAt());
        assertEquals(List.of("Ada"), a.authors());
    }

    @Test
    void readsRss091AndAtom03() throws IOException {
        RawArticle rss = parse("rss091.xml").get(0);
        assertEquals("RSS 0.91 item", rss.title());
        assertEquals("en", rss.language());
        RawArticle atom = parse("atom03.xml").get(0);
        assertEquals("http://example.org/atom03/1", atom.url());
        assertEquals(Instant.parse("2026-11-21T10:00:00Z"), atom.publishedAt());
    }

    @Test
    void resolvesAtomXmlBaseAndKeepsXhtmlContent() throws IOException {
        RawArticle a = parse("atom-xhtml-base.xml").get(0);
        assertEquals("http://example.org/blog/posts/2026/atom-entry", a.url());
        assertEquals("Atom entry", a.title());
        assertTrue(a.content().contains("See the other post and more."), a.content());
        assertTrue(a.contentHtml().contains("href=\"http://example.org/blog/posts/other\""), a.contentHtml());
        assertEquals(Instant.parse("2026-11-21T23:30:02Z"), a.publishedAt());
    }

    @Test
    void resolvesRelativeRssLinksAgainstTheFeedAddress() throws IOException {
        RawArticle a = parse(Fixtures.rss(Fixtures.item("t", "/posts/1", null, "d")), null).get(0);
        assertEquals("http://example.org/posts/1", a.url());
    }

    @Test
    void readsJsonFeed11And10() throws IOException {
        List<RawArticle> items = parse("feed-1.1.json");
        RawArticle first = items.get(0);
        assertEquals(ArticleId.ofUrl("https://example.org/json/1"), first.id());
        assertEquals("Hello JSON", first.content());
        assertEquals(List.of("Lin"), first.authors());
        assertEquals(List.of("a", "b"), first.categories());
        assertEquals("en", first.language());
        assertEquals(Instant.parse("2026-11-20T09:00:00Z"), first.publishedAt());
        assertFalse(first.contentHtml().contains("img"), "tracking pixel dropped: " + first.contentHtml());
        assertEquals("Plain <text> & more", items.get(1).content());
        assertNull(items.get(1).publishedAt());

        RawArticle old = parse("feed-1.0.json").get(0);
        assertEquals(List.of("Old Author"), old.authors());
        assertEquals(Instant.parse("2026-11-19T00:00:00Z"), old.publishedAt());
    }

    @Test
    void decodesAUtf8FeedWithAByteOrderMark() throws IOException {
        assertEquals("Café crème €", parse("utf8-bom.xml").get(0).title());
    }

    @Test
    void decodesAWindows1252Feed() throws IOException {
        assertEquals("Café \u201cquoted\u201d € crème", parse("cp1252.xml").get(0).title());
    }

    @Test
    void readsAFeedThatIsNotTheUtf8ItClaimsAsWindows1252() throws IOException {
        assertEquals("Café \u201cquoted\u201d", titleOf("Café \u201cquoted\u201d", Charset.forName("windows-1252"),
                "application/rss+xml; charset=utf-8"));
    }

    @Test
    void keepsAReplacementCharacterThatAUtf8FeedReallyHolds() throws IOException {
        assertEquals("Café \uFFFD crème", titleOf("Café \uFFFD crème", StandardCharsets.UTF_8,
                "application/rss+xml; charset=utf-8"));
    }

    @Test
    void letsTheHttpCharsetWinOverTheXmlDeclaration() throws IOException {
        assertEquals("Café", titleOf("Café", StandardCharsets.ISO_8859_1, "application/rss+xml; charset=ISO-8859-1"));
    }

    /** The title ingest reads from a one-item feed written in {@code encoding} and served as {@code contentType}. */
    private String titleOf(String title, Charset encoding, String contentType) throws IOException {
        byte[] feed = Fixtures.rss(Fixtures.item(title, "http://example.org/x", null, "d")).getBytes(encoding);
        return parser.parse(feed, contentType, BASE, BASE, null).articles().get(0).title();
    }

    @Test
    void cleansHtmlToPlainTextAndASafelistedCopy() throws IOException {
        RawArticle a = parse("dirty.xml").get(0);
        assertEquals("Dirty item", a.title());
        assertEquals("Short summary", a.summary());
        assertTrue(a.content().startsWith("Real text"), a.content());
        assertFalse(a.content().contains("alert"), a.content());
        String html = a.contentHtml();
        for (String banned : List.of("script", "style", "onclick", "javascript:", "pixel.example", "<img")) {
            assertFalse(html.contains(banned), banned + " in " + html);
        }
        assertTrue(html.contains("href=\"http://example.org/rel/link\""), html);
        assertEquals(ArticleId.ofUrl("http://example.org/dirty/1"), a.id(), "fragment dropped from the id");
    }

    @Test
    void keepsAnHtmlCopyOnlyOfItemsWithMarkup() throws IOException {
        List<RawArticle> articles = parse(Fixtures.rss(
                Fixtures.item("Plain", "/plain", null, "Le sommet de l’APEC,\n  à Shanghai &gt; Pékin.")
                        + Fixtures.item("Marked up", "/html", null, "&lt;p&gt;Le sommet de l’APEC&lt;/p&gt;")), null);
        RawArticle plain = articles.get(0);
        assertEquals("Le sommet de l’APEC, à Shanghai > Pékin.", plain.summary());
        assertNull(plain.contentHtml(), "plain text needs no HTML copy");
        RawArticle html = articles.get(1);
        assertEquals("Le sommet de l’APEC", html.summary());
        assertEquals("<p>Le sommet de l’APEC</p>", html.contentHtml());
    }

    @Test
    void refusesADoctypeSoAnExternalEntityNeverReadsTheCanaryFile(@TempDir Path dir) throws IOException {
        Path canary = Files.writeString(dir.resolve("canary.txt"), "CANARY-ingest-must-never-read-this");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY leak SYSTEM \"" + canary.toUri() + "\">]>\n"
                + Fixtures.rss(Fixtures.item("&leak;", "http://example.org/xxe", null, "&leak;"))
                        .replaceFirst("<\\?xml[^>]*>\\n", "");
        IOException e = assertThrows(IOException.class, () -> parse(xxe, null));
        assertFalse(e.getMessage().contains("CANARY"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertEquals(ParseCommand.BAD_FEED, ParseCommand.run(
                Files.writeString(dir.resolve("xxe.xml"), xxe).toString(), new java.io.PrintStream(
                        java.io.OutputStream.nullOutputStream()), new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
    }

    @Test
    void refusesBillionLaughsWithoutExpandingIt() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 12; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>\n" + dtd + Fixtures.rss(Fixtures.item("&l12;", "http://e.org/b", null, "x"))
                .replaceFirst("<\\?xml[^>]*>\\n", "");
        IOException e = assertThrows(IOException.class, () -> parse(bomb, null));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void healsHtmlEntitiesAndStrayAmpersandsAndStillReadsFrenchDatesAndRelativeLinks() throws IOException {
        String feed = Fixtures.rss("<item><title>L&eacute;gislation &amp; IA & APEC</title><link>/posts/1</link>"
                + "<pubDate>mar., 24 nov. 2026 10:00:00 +0100</pubDate><description>d&eacute;but</description></item>");
        RawArticle a = parse(feed, null).get(0);
        assertEquals("Législation & IA & APEC", a.title());
        assertEquals("début", a.summary());
        assertEquals("http://example.org/posts/1", a.url());
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), a.publishedAt(), "a date Rome cannot read, read again");
    }

    @Test
    void capsTheNumberOfItemsAndCountsTheRest() throws IOException {
        String items = Fixtures.item("t", "http://example.org/i", null, "d").repeat(FeedParser.MAX_ITEMS + 5);
        ParsedFeed rss = parser.parse(Fixtures.rss(items).getBytes(StandardCharsets.UTF_8), null, BASE, BASE, null);
        assertEquals(FeedParser.MAX_ITEMS, rss.articles().size());
        assertEquals(5, rss.skippedItems());

        String item = "{\"id\":\"i\",\"content_text\":\"d\"},";
        String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"j\",\"items\":["
                + item.repeat(FeedParser.MAX_ITEMS + 7) + "{\"id\":\"last\",\"content_text\":\"d\"}]}";
        ParsedFeed jsonFeed = parser.parse(json.getBytes(StandardCharsets.UTF_8), null, BASE, BASE, null);
        assertEquals(FeedParser.MAX_ITEMS, jsonFeed.articles().size());
        assertEquals(8, jsonFeed.skippedItems());

        String one = Fixtures.rss(Fixtures.item("t", "http://example.org/i", null, "d"));
        assertEquals(0, parser.parse(one.getBytes(StandardCharsets.UTF_8), null, BASE, BASE, null).skippedItems());
    }

    @Test
    void capsLongFields() throws IOException {
        RawArticle a = parse(Fixtures.rss(Fixtures.item("x".repeat(5000), "http://example.org/l", null, "d")), null).get(0);
        assertEquals(Text.MAX_TITLE, a.title().length());
    }

    @Test
    void readsTheRssTtl() throws IOException {
        String feed = Fixtures.rss("<ttl>45</ttl>");
        assertEquals(Duration.ofMinutes(45), parser.parse(feed.getBytes(StandardCharsets.UTF_8), null, BASE, BASE, null).ttl());
    }

    @Test
    void producesRecordsThatMatchTheRawArticleSchema() throws IOException {
        for (String fixture : List.of("rss10.rdf", "atom-xhtml-base.xml", "feed-1.1.json", "dates.xml", "dirty.xml")) {
            for (RawArticle a : parse(fixture)) {
                SchemaAssertions.assertMatchesSchema("raw-article.schema.json", Json.MAPPER.writeValueAsBytes(a));
            }
        }
    }

    @Test
    void saysWhatIsWrongWithBytesThatAreNoFeed() {
        IOException e = assertThrows(IOException.class, () -> parse("<html><body>hi</body></html>", "text/html"));
        assertTrue(e.getMessage().contains("not a readable RSS, Atom or JSON feed"), e.getMessage());
        IOException json = assertThrows(IOException.class, () -> parse("{\"a\": 1}", "application/json"));
        assertTrue(json.getMessage().contains("not a JSON Feed"), json.getMessage());
    }
}
