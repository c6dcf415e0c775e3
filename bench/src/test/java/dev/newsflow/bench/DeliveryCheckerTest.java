package dev.newsflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryCheckerTest {

    @TempDir
    Path archive;

    private final DeliveryChecker checker = new DeliveryChecker(Set.of(
            DeliveryChecker.key("a", 1), DeliveryChecker.key("b", 1), DeliveryChecker.key("b", 2),
            DeliveryChecker.key("c", 1)));

    @Test
    void aCompleteArchiveIsClean() throws IOException {
        write("date=2026-11-20/news.enriched-0-0-1.jsonl", line("a", 1), line("b", 1));
        write("date=2026-11-20/news.enriched-0-2-3.jsonl", line("b", 2), line("c", 1));
        DeliveryReport report = checker.checkArchive(archive);
        assertTrue(report.clean(), report.summary());
        assertEquals(4, report.received());
    }

    @Test
    void reportsALostArticle() throws IOException {
        write("date=2026-11-20/x.jsonl", line("a", 1), line("b", 1), line("b", 2));
        DeliveryReport report = checker.checkArchive(archive);
        assertFalse(report.clean());
        assertEquals(List.of(DeliveryChecker.key("c", 1)), report.lost());
    }

    @Test
    void reportsADuplicateEvenAcrossFiles() throws IOException {
        write("date=2026-11-20/x-0.jsonl", line("a", 1), line("b", 1), line("b", 2));
        write("date=2026-11-21/x-1.jsonl", line("c", 1), line("a", 1));
        DeliveryReport report = checker.checkArchive(archive);
        assertEquals(Map.of(DeliveryChecker.key("a", 1), 2), report.duplicated());
        assertTrue(report.lost().isEmpty());
    }

    @Test
    void anUpdateIsNotADuplicateButAnOlderVersionAfterANewerIsOutOfOrder() throws IOException {
        write("date=2026-11-20/x.jsonl", line("a", 1), line("b", 2), line("b", 1), line("c", 1));
        DeliveryReport report = checker.checkArchive(archive);
        assertTrue(report.duplicated().isEmpty());
        assertEquals(List.of("b"), report.outOfOrder());
    }

    @Test
    void anEmptyOrMissingArchiveLosesEverything() {
        DeliveryReport report = checker.checkArchive(archive.resolve("missing"));
        assertEquals(4, report.lost().size());
    }

    private void write(String name, String... lines) throws IOException {
        Path file = archive.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private static String line(String id, int version) {
        return "{\"id\":\"" + id + "\",\"version\":" + version + ",\"title\":\"t\",\"fetchedAt\":\"2026-11-20T08:00:00Z\"}";
    }
}
