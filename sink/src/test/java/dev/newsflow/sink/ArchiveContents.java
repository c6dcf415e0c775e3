package dev.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import dev.newsflow.core.SchemaAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a downstream reader finds under {@code out/articles/}: the final files, line by line. */
final class ArchiveContents {

    private final Path articles;

    ArchiveContents(Path outputDir) {
        this.articles = outputDir.resolve("articles");
    }

    List<Path> finalFiles() {
        return files(p -> p.getFileName().toString().endsWith(ArchiveFileName.EXTENSION));
    }

    List<Path> temporaryFiles() {
        return files(p -> p.getFileName().toString().endsWith(ArchiveFileName.TEMP_SUFFIX));
    }

    /** Every line of every final file, each parsed; fails on a line that is not an enriched article. */
    List<EnrichedArticle> articles() {
        List<EnrichedArticle> out = new ArrayList<>();
        for (Path file : finalFiles()) {
            for (String line : lines(file)) {
                try {
                    out.add(Json.MAPPER.readValue(line, EnrichedArticle.class));
                } catch (IOException e) {
                    fail(file + " holds a line that does not parse: " + line, e);
                }
            }
        }
        return out;
    }

    /** How many lines each article id has. */
    Map<String, Long> linesPerId() {
        return articles().stream().collect(Collectors.groupingBy(EnrichedArticle::id, Collectors.counting()));
    }

    void assertEachLineMatchesTheSchema() {
        for (Path file : finalFiles()) {
            for (String line : lines(file)) {
                SchemaAssertions.assertMatchesSchema("archive-line.schema.json", line.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The archive holds exactly these ids, each on one line, and no temporary file. */
    void assertHoldsEachOnce(List<String> ids) {
        Map<String, Long> expected = ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L));
        assertEquals(expected, linesPerId(), "each article exactly once in " + finalFiles());
        assertEquals(List.of(), temporaryFiles(), "no temporary file left");
    }

    static List<String> lines(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                fail(file + " does not end with a complete line");
            }
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> files(java.util.function.Predicate<Path> which) {
        if (!Files.isDirectory(articles)) {
            return List.of();
        }
        while (true) {
            try (Stream<Path> walk = Files.walk(articles)) {
                return walk.filter(Files::isRegularFile).filter(which).sorted().toList();
            } catch (UncheckedIOException e) {
                // A running sink renames its temporary files: one listed a moment ago may be gone. Look again.
                if (!(e.getCause() instanceof NoSuchFileException)) {
                    throw e;
                }
            } catch (NoSuchFileException e) {
                // the same, seen on a folder
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
