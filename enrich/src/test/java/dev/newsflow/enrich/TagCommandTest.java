package dev.newsflow.enrich;

import static dev.newsflow.core.SchemaAssertions.assertMatchesSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.Articles;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import dev.newsflow.enrich.tagging.LanguageGuesser;
import dev.newsflow.enrich.taxonomy.TaxonomyLoader;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagCommandTest {

    @Test
    void tagsJsonLinesWithoutLanguageAndReportsBadLines() throws Exception {
        // The end-to-end test's French article, as ingest writes it but without a language, then a bad line.
        String input = Json.MAPPER.writeValueAsString(Articles.shanghaiAiBody()) + "\nnot json\n";
        StringWriter out = new StringWriter();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        var command = new TagCommand(new CurrentTaxonomy(TaxonomyLoader.bundled(), new LanguageGuesser(),
                Clock.systemUTC()));

        int bad = command.run(new BufferedReader(new StringReader(input)), out,
                new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertEquals(1, bad);
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("line 2"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(1, lines.size());
        assertMatchesSchema("enriched-article.schema.json", lines.get(0).getBytes(StandardCharsets.UTF_8));
        EnrichedArticle enriched = Json.MAPPER.readValue(lines.get(0), EnrichedArticle.class);
        assertEquals("fr", enriched.language());
        assertTrue(enriched.hasTopic("ai-governance") && enriched.hasTopic("apec"), () -> "" + enriched.topics());
    }
}
