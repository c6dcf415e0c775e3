package dev.newsflow.sink;

import static dev.newsflow.core.SchemaAssertions.assertMatchesSchema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The sink's feed and latest files as a reader finds them, with the checks every test makes of them. */
final class OutputFiles {

    private final Path out;

    OutputFiles(Path out) {
        this.out = out;
    }

    JsonNode feed(String name) {
        return read(out.resolve("feeds").resolve(name + ".json"));
    }

    JsonNode latest() {
        return read(out.resolve("latest.json"));
    }

    /** The ids of a JSON Feed's items or of latest.json's articles, in the file's order. */
    static List<String> ids(JsonNode document) {
        List<String> ids = new ArrayList<>();
        document.path(document.has("items") ? "items" : "articles").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    /** Every feed and latest.json match their schemas, and every feed follows JSON Feed 1.1. */
    void assertAllValid() {
        try (Stream<Path> feeds = Files.list(out.resolve("feeds"))) {
            for (Path file : feeds.toList()) {
                JsonNode feed = read(file);
                assertMatchesSchema("json-feed.schema.json", feed);
                JsonFeedRules.assertFollowsJsonFeed11(feed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertMatchesSchema("latest.schema.json", latest());
        new ArchiveContents(out).assertEachLineMatchesTheSchema();
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
