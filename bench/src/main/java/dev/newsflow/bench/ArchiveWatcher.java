package dev.newsflow.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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

    private final Path archive;
    private final Set<Path> read = new HashSet<>();
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
                try (DirectoryStream<Path> files = Files.newDirectoryStream(day, "*.jsonl")) {
                    for (Path file : files) {
                        readNew(file, now);
                    }
                }
            }
        }
        return arrivals.size();
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
