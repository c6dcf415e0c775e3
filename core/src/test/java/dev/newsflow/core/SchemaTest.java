package dev.newsflow.core;

import static dev.newsflow.core.SchemaAssertions.assertMatchesSchema;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SchemaTest {

    @Test
    void serializedRawArticleMatchesItsSchema() {
        assertMatchesSchema("raw-article.schema.json",
                new JsonSerde<>(RawArticle.class).serialize("t", Articles.shanghaiAiBody()));
    }

    @Test
    void serializedEnrichedArticleMatchesItsSchema() {
        assertMatchesSchema("enriched-article.schema.json",
                new JsonSerde<>(EnrichedArticle.class).serialize("t", JsonSerdeTest.enriched()));
    }

    @Test
    void theSchemaRejectsARecordMissingItsId() {
        ObjectNode json = Json.MAPPER.valueToTree(Articles.shanghaiAiBody());
        json.remove("id");
        assertThrows(AssertionError.class, () -> assertMatchesSchema("raw-article.schema.json", json));
    }
}
