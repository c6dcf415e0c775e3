package dev.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveWriterTest {

    private static final TopicPartition PARTITION = new TopicPartition("news.enriched", 1);

    @TempDir
    Path out;

    private final List<EnrichedArticle> articles = List.of(
            SampleArticles.article(1, "2026-11-16T07:30:00Z"),
            SampleArticles.article(2, "2026-11-17T07:30:00Z"),
            SampleArticles.article(3, null));

    private PartitionBuffer buffer() throws IOException {
        PartitionBuffer buffer = new PartitionBuffer(PARTITION);
        long offset = 10;
        for (EnrichedArticle a : articles) {
            buffer.add(offset++, ArchiveWriter.dateOf(a.publishedAt(), a.fetchedAt(), 0),
                    Json.MAPPER.writeValueAsBytes(a), FeedItem.of(a), System.nanoTime());
        }
        return buffer;
    }

    @Test
    void writesOneFinalFilePerDateFolderNamedByTheRollsOffsetRange() throws IOException {
        List<Path> files = new ArchiveWriter(out, Failpoint.NONE).roll(buffer());

        String name = "news.enriched+1+00000000000000000010+00000000000000000012.jsonl";
        assertEquals(List.of(out.resolve("articles/date=2026-11-16/" + name),
                out.resolve("articles/date=2026-11-17/" + name)), files);
        // The third article has no publication date: it is filed under its fetch date, 2026-11-16.
        assertEquals(2, ArchiveContents.lines(files.get(0)).size());
        assertEquals(1, ArchiveContents.lines(files.get(1)).size());
        new ArchiveContents(out).assertHoldsEachOnce(articles.stream().map(EnrichedArticle::id).toList());
    }

    @Test
    void writesEachLineAsTheFullEnrichedArticleMatchingItsSchema() throws IOException {
        new ArchiveWriter(out, Failpoint.NONE).roll(buffer());

        ArchiveContents archive = new ArchiveContents(out);
        archive.assertEachLineMatchesTheSchema();
        assertEquals(articles.stream().sorted(java.util.Comparator.comparing(EnrichedArticle::id)).toList(),
                archive.articles().stream().sorted(java.util.Comparator.comparing(EnrichedArticle::id)).toList());
    }

    @Test
    void leavesNoFileAtAllWhenTheFolderCannotBeWritten() throws IOException {
        // Tests run as root, which permissions do not stop: a plain file where the folder should be does.
        Files.writeString(out.resolve("articles"), "not a folder");

        assertThrows(IOException.class, () -> new ArchiveWriter(out, Failpoint.NONE).roll(buffer()));
        assertTrue(Files.isRegularFile(out.resolve("articles")));
    }

    @Test
    void removesItsTemporaryFilesWhenOneDateFolderFails() throws IOException {
        Files.createDirectories(out.resolve("articles"));
        Files.writeString(out.resolve("articles/date=2026-11-17"), "not a folder");

        assertThrows(IOException.class, () -> new ArchiveWriter(out, Failpoint.NONE).roll(buffer()));
        ArchiveContents archive = new ArchiveContents(out);
        assertEquals(List.of(), archive.finalFiles());
        assertEquals(List.of(), archive.temporaryFiles());
    }
}
