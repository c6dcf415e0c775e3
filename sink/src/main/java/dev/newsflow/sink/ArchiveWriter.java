package dev.newsflow.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a partition's buffered lines into final JSON Lines files under
 * {@code articles/date=YYYY-MM-DD/<topic>+<partition>+<first>+<last>.jsonl}.
 *
 * <p>The order is what makes a crash harmless: every temporary file is written and forced, with its
 * folder, before the first rename. So once any file of a roll is final, every other file of that roll is
 * complete on disk, and {@link ArchiveRecovery} can finish the renames; before that, the temporary files
 * are discarded and the records read again. The caller commits offsets only after this returns.
 */
final class ArchiveWriter {

    private static final Logger log = LoggerFactory.getLogger(ArchiveWriter.class);
    /** UTC has no leap seconds in Java's time scale, so a UTC date is the epoch second divided by this. */
    private static final long SECONDS_PER_DAY = 86_400;

    private final Path articlesDir;
    private final Failpoint failpoint;

    ArchiveWriter(Path outputDir, Failpoint failpoint) {
        this.articlesDir = outputDir.resolve("articles");
        this.failpoint = failpoint;
    }

    Path articlesDir() {
        return articlesDir;
    }

    /** The folder of a date: the article's own date, never the wall clock's. */
    Path folderFor(LocalDate date) {
        return articlesDir.resolve("date=" + date);
    }

    /** The date an article is filed under: published, else fetched, else the record's timestamp (UTC). */
    static LocalDate dateOf(Instant publishedAt, Instant fetchedAt, long recordTimestamp) {
        Instant when = publishedAt != null ? publishedAt : fetchedAt != null ? fetchedAt
                : Instant.ofEpochMilli(Math.max(0, recordTimestamp));
        return LocalDate.ofEpochDay(Math.floorDiv(when.getEpochSecond(), SECONDS_PER_DAY));
    }

    /**
     * Writes the buffer's lines as final files, one per date folder.
     *
     * @return the final files, empty when the buffer held no line
     * @throws IOException when the folder cannot be written; no final file was created then, unless the
     *                     failure came after the first rename, which recovery completes
     */
    List<Path> roll(PartitionBuffer buffer) throws IOException {
        ArchiveFileName name = buffer.fileName();
        List<Path> temps = new ArrayList<>();
        try {
            for (Map.Entry<LocalDate, List<byte[]>> entry : buffer.linesByDate().entrySet()) {
                Path folder = folderFor(entry.getKey());
                Files.createDirectories(folder);
                Path temp = folder.resolve(name.tempName());
                temps.add(temp);
                DurableFiles.writeLines(temp, entry.getValue());
                failpoint.check(Failpoint.AFTER_TEMP_WRITE);
            }
            for (Path temp : temps) {
                DurableFiles.force(temp);
                DurableFiles.forceFolder(temp.getParent());
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temps);
            throw e;
        }
        failpoint.check(Failpoint.AFTER_FSYNC);
        List<Path> finals = new ArrayList<>(temps.size());
        for (Path temp : temps) {
            Path target = temp.resolveSibling(name.finalName());
            DurableFiles.renameAtomically(temp, target);
            finals.add(target);
            if (temps.size() > 1) {
                failpoint.check(Failpoint.AFTER_FIRST_RENAME);
            }
        }
        failpoint.check(Failpoint.AFTER_RENAME);
        for (Path target : finals) {
            DurableFiles.forceFolder(target.getParent());
        }
        log.debug("rolled {} lines of {} into {} files", buffer.records(), buffer.partition(), finals.size());
        return finals;
    }

    private static void deleteQuietly(List<Path> temps) {
        for (Path temp : temps) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // The folder is failing; recovery removes the file at the next start.
                log.debug("cannot delete {}: {}", temp, e.getMessage());
            }
        }
    }
}
