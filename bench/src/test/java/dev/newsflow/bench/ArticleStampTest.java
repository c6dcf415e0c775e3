package dev.newsflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleStampTest {

    private static final String FETCHED = "2026-11-20T08:00:00Z";
    /** The shape the sink archives: the stamp's fields come before the tags and their evidence. */
    private static final String TAGS = ",\"topics\":[{\"id\":\"ai-governance\",\"score\":0.9,\"evidence\":"
            + "[{\"field\":\"content\",\"start\":3,\"end\":9,\"text\":\"IA \\\"mondiale\\\"\"}]}],\"entities\":[]}";

    @TempDir
    Path folder;

    @Test
    void bothExtentsReadTheSameStamps() throws IOException {
        Path file = write(line("a", 1) + TAGS, line("b", 2) + TAGS);
        List<ArticleStamp> expected = List.of(new ArticleStamp("a", 1, Instant.parse(FETCHED)),
                new ArticleStamp("b", 2, Instant.parse(FETCHED)));
        assertEquals(expected, read(file, ArticleStamp.Extent.WHOLE_LINE));
        assertEquals(expected, read(file, ArticleStamp.Extent.UNTIL_STAMPED));
    }

    @Test
    void theWatcherStopsAtTheStampWhereTheCheckerNamesTheBrokenLine() throws IOException {
        Path file = write(line("a", 1) + TAGS, line("b", 1) + ",\"topics\":[{\"id\":");
        assertEquals(List.of(new ArticleStamp("a", 1, Instant.parse(FETCHED)),
                new ArticleStamp("b", 1, Instant.parse(FETCHED))), read(file, ArticleStamp.Extent.UNTIL_STAMPED));
        IllegalStateException broken = assertThrows(IllegalStateException.class,
                () -> read(file, ArticleStamp.Extent.WHOLE_LINE));
        assertTrue(broken.getMessage().contains(file + ":2"), broken.getMessage());
    }

    @Test
    void aLineWithoutAVersionIsReadToItsEndAsVersionOne() throws IOException {
        Path file = write("{\"id\":\"a\",\"fetchedAt\":\"" + FETCHED + "\"" + TAGS);
        assertEquals(List.of(new ArticleStamp("a", 1, Instant.parse(FETCHED))),
                read(file, ArticleStamp.Extent.UNTIL_STAMPED));
    }

    @Test
    void aLastLineWithoutItsBreakIsReadAndABlankLineIsNamed() throws IOException {
        Path file = folder.resolve("news.enriched-0-0-1.jsonl");
        Files.writeString(file, line("a", 1) + TAGS + "\n" + line("b", 1) + TAGS);
        assertEquals(List.of(new ArticleStamp("a", 1, Instant.parse(FETCHED)),
                new ArticleStamp("b", 1, Instant.parse(FETCHED))), read(file, ArticleStamp.Extent.WHOLE_LINE));

        Files.writeString(file, line("a", 1) + TAGS + "\n\n" + line("b", 1) + TAGS + "\n");
        IllegalStateException blank = assertThrows(IllegalStateException.class,
                () -> read(file, ArticleStamp.Extent.UNTIL_STAMPED));
        assertTrue(blank.getMessage().contains(file + ":2"), blank.getMessage());
    }

    private static String line(String id, int version) {
        return "{\"id\":\"" + id + "\",\"version\":" + version + ",\"content\":\"l'IA\\nmondiale\",\"fetchedAt\":\""
                + FETCHED + "\"";
    }

    private Path write(String... lines) throws IOException {
        Path file = folder.resolve("news.enriched-0-0-1.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static List<ArticleStamp> read(Path file, ArticleStamp.Extent extent) throws IOException {
        List<ArticleStamp> stamps = new ArrayList<>();
        ArticleStamp.readLines(file, extent, stamps::add);
        return stamps;
    }
}
