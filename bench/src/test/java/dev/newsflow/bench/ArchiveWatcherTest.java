package dev.newsflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveWatcherTest {

    @TempDir
    Path archive;

    @Test
    void seesAFileRenamedIntoAFolderRightAfterItWasListed() throws IOException {
        Path day = Files.createDirectories(archive.resolve("date=2026-11-26"));
        ArchiveWatcher watcher = new ArchiveWatcher(archive);
        land(day, 1);
        assertEquals(1, watcher.look());
        // Within the same timestamp tick as the first, as the sink's partitions land theirs in a burst.
        land(day, 2);
        assertEquals(2, watcher.look());
    }

    @Test
    void seesAFileThatLandsAfterTheFolderWasLeftAlone() throws IOException, InterruptedException {
        Path day = Files.createDirectories(archive.resolve("date=2026-11-26"));
        ArchiveWatcher watcher = new ArchiveWatcher(archive);
        land(day, 1);
        assertEquals(1, watcher.look());
        Thread.sleep(300);
        assertEquals(1, watcher.look());
        land(day, 2);
        assertEquals(2, watcher.look());
        land(archive.resolve("date=2026-11-27"), 3);
        assertEquals(3, watcher.look());
    }

    /** Writes a one-article file under a temporary name, then renames it into place, as the sink does. */
    private static void land(Path day, int n) throws IOException {
        Files.createDirectories(day);
        String name = String.format("news.enriched+0+%020d+%020d.jsonl", n, n);
        Path temp = day.resolve(name + ".tmp");
        Files.writeString(temp, "{\"id\":\"a" + n + "\",\"version\":1,\"fetchedAt\":\"2026-11-26T08:00:00Z\"}\n");
        Files.move(temp, day.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
