package dev.newsflow.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of the sink's final archive files ({@code articles/date=*}{@code /*.jsonl}), read while the sink
 * writes: listing by name never touches its temporary files, which it renames away at any moment (a walk
 * that read their attributes failed on one that had just gone), and a final file never changes.
 */
final class ArchiveLines {

    private ArchiveLines() {
    }

    /** @param out the sink's output folder */
    static List<String> of(Path out) throws IOException {
        Path articles = out.resolve("articles");
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(articles)) {
            return lines;
        }
        try (DirectoryStream<Path> days = Files.newDirectoryStream(articles, "date=*")) {
            for (Path day : days) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(day, "*.jsonl")) {
                    for (Path file : files) {
                        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return lines;
    }
}
