package dev.newsflow.enrich;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.newsflow.core.Json;
import dev.newsflow.core.RawArticle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;

/**
 * {@code enrich.jar tag}: reads raw articles as JSON Lines and writes one enriched article per line, with
 * the tagger the stream uses, so a taxonomy change can be tried on real text before it is published.
 * A line that is not a raw article is reported on stderr with its line number and skipped.
 */
final class TagCommand {

    private final ArticleTagger tagger;

    TagCommand(ArticleTagger tagger) {
        this.tagger = tagger;
    }

    /** @return how many lines could not be read */
    int run(BufferedReader in, Writer out, PrintStream errors) throws IOException {
        ObjectReader reader = Json.MAPPER.readerFor(RawArticle.class);
        ObjectWriter writer = Json.MAPPER.writerFor(dev.newsflow.core.EnrichedArticle.class);
        int bad = 0;
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            RawArticle raw;
            try {
                raw = reader.readValue(line);
            } catch (IOException | RuntimeException e) {
                bad++;
                errors.printf("line %d is not a raw article: %s%n", lineNumber, e.getMessage());
                continue;
            }
            out.write(writer.writeValueAsString(tagger.tag(raw)));
            out.write('\n');
        }
        out.flush();
        return bad;
    }
}
