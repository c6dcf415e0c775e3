package dev.newsflow.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the sink's archive as a downstream reader would, and notes when each article version first
 * appears in a final file, for the fetch-to-file delay. Reads each final file once.
 */
public final class ArchiveWatcher {

    /** When an article version was first seen, and when ingest fetched it. */
    public record Arrival(Instant fetchedAt, Instant seenAt) {
    }

    /**
     * Longer than any Linux file system's timestamp tick. Listing a folder of a few hundred files every 20 ms
     * cost this harness 3% of a core in a burst after a 200,000-article warm-up, on the cores it shares
     * with the pipeline; a folder listed since its last change is not listed again.
     */
    private static final long TICK_MILLIS = 100;

    /** A folder's modification time when last listed, and when that listing began. */
    private record Listing(FileTime modified, long listedAtMillis) {
    }

    private final Path archive;
    private final Set<Path> read = new HashSet<>();
    private final Map<Path, Listing> listings = new HashMap<>();
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();

    public ArchiveWatcher(Path archive) {
        this.archive = archive;
    }

    public Map<String, Arrival> arrivals() {
        return arrivals;
    }

    /** Reads what is new; returns how many versions have arrived so far. */
    public int look() throws IOException {
        if (!Files.isDirectory(archive)) {
            return arrivals.size();
        }
        Instant now = Instant.now();
        // Listed by name only: the sink renames its temporary files while we look, and a walk that stats
        // every entry would trip over one that has just gone.
        try (DirectoryStream<Path> days = Files.newDirectoryStream(archive, "date=*")) {
            for (Path day : days) {
                if (unchangedSinceListed(day)) {
                    continue;
                }
                long listedAt = System.currentTimeMillis();
                FileTime modified = Files.getLastModifiedTime(day);
                try (DirectoryStream<Path> files = Files.newDirectoryStream(day, "*.jsonl")) {
                    for (Path file : files) {
                        readNew(file, now);
                    }
                }
                listings.put(day, new Listing(modified, listedAt));
            }
        }
        return arrivals.size();
    }

    /**
     * Whether a folder has had no file renamed into it since it was last listed, so that listing it again
     * would find nothing new. Its modification time says so once it is older than the listing by more than
     * the clock's tick: a file landing within the same tick as the one before would leave the time as it was.
     */
    private boolean unchangedSinceListed(Path day) throws IOException {
        Listing last = listings.get(day);
        return last != null && last.modified().equals(Files.getLastModifiedTime(day))
                && last.modified().toMillis() < last.listedAtMillis() - TICK_MILLIS;
    }

    /** A final file never changes once renamed into place, so each is read once, whole. */
    private void readNew(Path file, Instant now) throws IOException {
        if (!read.add(file)) {
            return;
        }
        ArticleStamp.readLines(file, ArticleStamp.Extent.UNTIL_STAMPED, stamp -> {
            if (stamp.fetchedAt() != null) {
                arrivals.putIfAbsent(stamp.key(), new Arrival(stamp.fetchedAt(), now));
            }
        });
    }
}
