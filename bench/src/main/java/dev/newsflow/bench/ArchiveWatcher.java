package dev.newsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
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
                    JsonNode article = Json.MAPPER.readTree(new String(rest, lineStart, i - lineStart, StandardCharsets.UTF_8));
                    String key = DeliveryChecker.key(article.path("id").asText(), article.path("version").asInt(1));
                    arrivals.putIfAbsent(key, new Arrival(Instant.parse(article.path("fetchedAt").asText()), now));
                    lineStart = i + 1;
                }
            }
            readUpTo.put(file, from + lineStart);
        }
    }
}
