package dev.newsflow.sink;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends articles as JSON Lines under {@code articles/date=YYYY-MM-DD/articles.jsonl}, the date taken from
 * the article (published, else fetched), never from the wall clock; each batch is forced to disk before
 * the caller commits its offsets.
 */
final class ArchiveWriter {

    private final Path articlesDir;

    ArchiveWriter(Path outputDir) {
        this.articlesDir = outputDir.resolve("articles");
    }

    void append(List<EnrichedArticle> articles) throws IOException {
        Map<Path, List<EnrichedArticle>> byFile = new LinkedHashMap<>();
        for (EnrichedArticle article : articles) {
            byFile.computeIfAbsent(fileFor(article), f -> new ArrayList<>()).add(article);
        }
        for (var entry : byFile.entrySet()) {
            Files.createDirectories(entry.getKey().getParent());
            try (FileChannel channel = FileChannel.open(entry.getKey(), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                for (EnrichedArticle article : entry.getValue()) {
                    byte[] json = Json.MAPPER.writeValueAsBytes(article);
                    ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
                    while (line.hasRemaining()) {
                        channel.write(line);
                    }
                }
                channel.force(true);
            }
        }
    }

    Path fileFor(EnrichedArticle article) {
        Instant when = article.publishedAt() != null ? article.publishedAt() : article.fetchedAt();
        return articlesDir.resolve("date=" + when.atZone(ZoneOffset.UTC).toLocalDate()).resolve("articles.jsonl");
    }
}
