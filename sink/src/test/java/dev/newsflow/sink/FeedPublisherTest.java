package dev.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import dev.newsflow.core.SchemaAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class FeedPublisherTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-17T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path out;

    private final EnrichedArticle aiAtApec = SampleArticles.article(1, "2026-11-17T08:00:00Z",
            SampleArticles.AI_GOVERNANCE, SampleArticles.APEC);
    private final EnrichedArticle trade = SampleArticles.article(2, "2026-11-15T08:00:00Z", SampleArticles.TRADE);
    private final EnrichedArticle undated = SampleArticles.article(3, null, SampleArticles.APEC);

    private FeedPublisher publisher(int size) {
        return new FeedPublisher(out, size, "news.enriched", CLOCK);
    }

    @Test
    void writesAFeedPerTopicAnAllFeedAndLatestNewestFirst() throws IOException {
        FeedPublisher feeds = publisher(10);
        List.of(trade, aiAtApec, undated).stream().map(FeedItem::of).forEach(feeds::apply);
        feeds.publish();

        OutputFiles files = new OutputFiles(out);
        assertEquals(List.of(aiAtApec.id()), OutputFiles.ids(files.feed("ai-governance")));
        assertEquals(List.of(aiAtApec.id(), undated.id()), OutputFiles.ids(files.feed("apec")));
        assertEquals(List.of(trade.id()), OutputFiles.ids(files.feed("trade")));
        assertEquals(List.of(aiAtApec.id(), undated.id(), trade.id()), OutputFiles.ids(files.feed("all")));
        assertEquals(OutputFiles.ids(files.feed("all")), OutputFiles.ids(files.latest()));
        files.assertAllValid();
    }

    @Test
    void showsTagsAsJsonFeedTagsAndEntitiesInTheExtension() throws IOException {
        FeedPublisher feeds = publisher(10);
        feeds.apply(FeedItem.of(aiAtApec));
        feeds.publish();

        JsonNode item = new OutputFiles(out).feed("apec").path("items").get(0);
        assertEquals("Newsflow: APEC", new OutputFiles(out).feed("apec").path("title").asText());
        assertEquals(List.of("AI governance", "APEC"), List.of(item.path("tags").get(0).asText(),
                item.path("tags").get(1).asText()));
        assertEquals("Shanghai", item.path("_newsflow").path("entities").get(0).path("name").asText());
        assertEquals(aiAtApec.url(), item.path("url").asText());
        assertEquals("2026-11-17T08:00:00Z", item.path("date_published").asText());
    }

    @Test
    void anUpdateReplacesTheEntryAndLeavesTopicsItNoLongerHas() throws IOException {
        FeedPublisher feeds = publisher(10);
        feeds.apply(FeedItem.of(aiAtApec));
        EnrichedArticle update = SampleArticles.article(aiAtApec.url(), "2026-11-17T08:00:00Z", 2,
                SampleArticles.AI_GOVERNANCE);
        feeds.apply(FeedItem.of(update));
        feeds.publish();

        OutputFiles files = new OutputFiles(out);
        assertEquals(List.of(), OutputFiles.ids(files.feed("apec")));
        JsonNode item = files.feed("ai-governance").path("items").get(0);
        assertEquals(2, item.path("_newsflow").path("version").asInt());
        assertTrue(item.has("date_modified"), "an update carries date_modified");
        assertEquals(List.of(aiAtApec.id()), OutputFiles.ids(files.latest()));
        assertEquals(2, files.latest().path("articles").get(0).path("version").asInt());
        files.assertAllValid();
    }

    @Test
    void showsAnArticlesFullTextOnceAsHtmlOrAsPlainTextAcrossARestart() throws IOException {
        String text = "Le texte entier de l’article, sans balise : la Chine propose une instance mondiale.";
        EnrichedArticle a = aiAtApec;
        EnrichedArticle plain = new EnrichedArticle(a.schemaVersion(), "plain-1", 1, a.url() + "-plain", a.title(),
                "Résumé.", text, null, a.language(), a.authors(), a.categories(), a.publishedAt(), a.fetchedAt(),
                a.feed(), a.topics(), a.entities(), a.taxonomyVersion(), a.enrichedAt());
        FeedPublisher feeds = publisher(10);
        // As the sink reads them: from the records' JSON.
        feeds.apply(FeedItem.fromEnrichedJson(Json.MAPPER.writeValueAsBytes(plain)));
        feeds.apply(FeedItem.fromEnrichedJson(Json.MAPPER.writeValueAsBytes(a)));
        feeds.publish();
        byte[] written = Files.readAllBytes(out.resolve("feeds/all.json"));

        JsonNode items = new OutputFiles(out).feed("all").path("items");
        JsonNode plainItem = items.get(0).path("id").asText().equals("plain-1") ? items.get(0) : items.get(1);
        JsonNode htmlItem = items.get(0).path("id").asText().equals("plain-1") ? items.get(1) : items.get(0);
        assertEquals(text, plainItem.path("content_text").asText());
        assertTrue(plainItem.path("content_html").isMissingNode(), plainItem.toString());
        assertEquals(a.contentHtml(), htmlItem.path("content_html").asText());
        assertTrue(htmlItem.path("content_text").isMissingNode(), htmlItem.toString());

        FeedPublisher after = publisher(10);
        after.load();
        after.publish();
        assertEquals(new String(written, StandardCharsets.UTF_8), Files.readString(out.resolve("feeds/all.json")),
                "the same items after a restart");
    }

    @Test
    void readsBackWhatItWroteWithTheArchivePosition() throws IOException {
        FeedPublisher before = publisher(2);
        List.of(trade, aiAtApec, undated).stream().map(FeedItem::of).forEach(before::apply);
        before.archived(0, 42);
        before.publish();
        byte[] apecBefore = Files.readAllBytes(out.resolve("feeds/apec.json"));

        FeedPublisher after = publisher(2);
        assertEquals(Map.of(0, 42L), after.load());
        after.apply(FeedItem.of(trade));
        after.apply(FeedItem.of(aiAtApec));
        after.publish();

        assertEquals(new String(apecBefore, StandardCharsets.UTF_8),
                Files.readString(out.resolve("feeds/apec.json")), "the same items after a restart");
        assertEquals(List.of(aiAtApec.id(), undated.id()), OutputFiles.ids(new OutputFiles(out).feed("all")));
    }

    @Test
    void deletesTheTemporaryFilesACrashLeftWhileRewritingAFeed() throws IOException {
        Files.createDirectories(out.resolve("feeds"));
        Files.writeString(out.resolve("feeds/apec.json.tmp"), "{\"version\":");
        Files.writeString(out.resolve("latest.json.tmp"), "{");

        publisher(5).load();

        assertFalse(Files.exists(out.resolve("feeds/apec.json.tmp")));
        assertFalse(Files.exists(out.resolve("latest.json.tmp")));
    }

    @Test
    void startsEmptyWithoutFeedsOnDisk() throws IOException {
        assertEquals(Map.of(), publisher(5).load());
        assertFalse(publisher(5).hasChanges());
    }

    @Test
    void keepsATopicIdFromNamingAPathOutsideTheFeedsFolder() {
        assertEquals("---etc-passwd.json", FeedPublisher.fileNameOf("../etc/passwd"));
        assertEquals("topic-all.json", FeedPublisher.fileNameOf("all"));
    }

    @Test
    void theFeedSchemaRefusesAnItemWithoutContent() {
        String feed = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
                + "\"_newsflow\":{\"about\":\"https://newsflow.dev/x\",\"id\":\"0123456789abcdef0123456789abcdef\","
                + "\"version\":1,\"fetchedAt\":\"2026-11-16T08:00:00Z\",\"enrichedAt\":\"2026-11-16T08:00:00Z\","
                + "\"source\":{\"url\":\"u\"},\"topics\":[],\"entities\":[]}}]}";
        assertThrows(AssertionFailedError.class, () -> SchemaAssertions.assertMatchesSchema("json-feed.schema.json",
                feed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theArchiveLineSchemaRefusesALineThatIsNotAnEnrichedArticle() {
        assertThrows(AssertionFailedError.class, () -> SchemaAssertions.assertMatchesSchema(
                "archive-line.schema.json", "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
