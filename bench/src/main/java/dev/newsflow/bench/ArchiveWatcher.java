package dev.newsflow.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Watches the sink's archive as a downstream reader would, and notes when each article version first
 * appears in a final file, for the fetch-to-file delay. Reads only what files gained since the last look.
 */
public final class ArchiveWatcher {

    /** When an article version was first seen, and when ingest fetched it. */
    public record Arrival(Instant fetchedAt, Instant seenAt) {
    }

    private final Path archive;
    private final Map<Path, Long> readUpTo = new HashMap<>();
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
        try (Stream<Path> files = Files.walk(archive)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList()) {
                readNew(file, now);
            }
        }
        return arrivals.size();
    }

    private void readNew(Path file, Instant now) throws IOException {
        long from = readUpTo.getOrDefault(file, 0L);
        if (Files.size(file) <= from) {
            return;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(from);
            byte[] rest = new byte[(int) (in.length() - from)];
            in.readFully(rest);
            int lineStart = 0;
            for (int i = 0; i < rest.length; i++) {
                if (rest[i] == '\n') {
                    noteArrival(rest, lineStart, i - lineStart, now);
                    lineStart = i + 1;
                }
            }
            readUpTo.put(file, from + lineStart);
        }
    }

    /**
     * Reads only the three fields it needs, skipping the article's text: the harness shares the machine
     * with what it measures, so it must stay cheap.
     */
    private void noteArrival(byte[] bytes, int offset, int length, Instant now) throws IOException {
        String id = null;
        int version = 1;
        Instant fetchedAt = null;
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(bytes, offset, length)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "id" -> id = parser.getText();
                    case "version" -> version = parser.getIntValue();
                    case "fetchedAt" -> fetchedAt = Instant.parse(parser.getText());
                    default -> parser.skipChildren();
                }
            }
        }
        if (id != null && fetchedAt != null) {
            arrivals.putIfAbsent(DeliveryChecker.key(id, version), new Arrival(fetchedAt, now));
        }
    }
}
