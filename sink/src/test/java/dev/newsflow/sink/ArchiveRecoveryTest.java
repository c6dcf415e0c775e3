package dev.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveRecoveryTest {

    private static final String TOPIC = "news.enriched";

    @TempDir
    Path out;

    private Path file(String date, int partition, long first, long last, boolean temporary) throws IOException {
        ArchiveFileName name = new ArchiveFileName(TOPIC, partition, first, last);
        Path folder = Files.createDirectories(out.resolve("articles").resolve("date=" + date));
        return Files.writeString(folder.resolve(temporary ? name.tempName() : name.finalName()), "{}\n");
    }

    private ArchiveRecovery recovery() {
        return new ArchiveRecovery(out.resolve("articles"), TOPIC);
    }

    @Test
    void resumesEachPartitionAfterTheHighestOffsetInItsFileNames() throws IOException {
        file("2026-11-16", 0, 0, 9, false);
        file("2026-11-17", 0, 10, 24, false);
        file("2026-11-16", 1, 0, 3, false);
        // Another topic's files in the same folder say nothing about this one.
        Files.writeString(out.resolve("articles/date=2026-11-16/"
                + new ArchiveFileName("other.enriched", 0, 0, 99).finalName()), "{}\n");

        assertEquals(Map.of(new TopicPartition(TOPIC, 0), 25L, new TopicPartition(TOPIC, 1), 4L),
                recovery().nextOffsets());
    }

    @Test
    void knowsNothingOfAnArchiveThatDoesNotExistYet() throws IOException {
        recovery().recover();
        assertEquals(Map.of(), recovery().nextOffsets());
    }

    @Test
    void deletesTheTemporaryFilesOfARollThatNeverRenamedAFile() throws IOException {
        file("2026-11-16", 0, 0, 9, false);
        Path stray = file("2026-11-17", 0, 10, 24, true);

        recovery().recover();

        assertFalse(Files.exists(stray));
        assertEquals(Map.of(new TopicPartition(TOPIC, 0), 10L), recovery().nextOffsets());
    }

    @Test
    void finishesARollACrashInterruptedBetweenTwoRenames() throws IOException {
        Path renamed = file("2026-11-16", 0, 10, 24, false);
        Path notYet = file("2026-11-17", 0, 10, 24, true);

        recovery().recover();

        assertTrue(Files.exists(renamed));
        assertFalse(Files.exists(notYet));
        assertTrue(Files.exists(notYet.resolveSibling(new ArchiveFileName(TOPIC, 0, 10, 24).finalName())));
        assertEquals(List.of(), new ArchiveContents(out).temporaryFiles());
    }

    @Test
    void listsTheFilesPastAPositionInOffsetOrder() throws IOException {
        file("2026-11-17", 0, 10, 24, false);
        file("2026-11-16", 0, 0, 9, false);
        file("2026-11-15", 0, 25, 30, false);
        file("2026-11-16", 1, 0, 3, false);

        List<ArchiveRecovery.ArchiveFile> files = recovery().filesFrom(Map.of(new TopicPartition(TOPIC, 0), 10L,
                new TopicPartition(TOPIC, 1), 4L));

        assertEquals(List.of(10L, 25L), files.stream().map(f -> f.name().firstOffset()).toList());
    }
}
