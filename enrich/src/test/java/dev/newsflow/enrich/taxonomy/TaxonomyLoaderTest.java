package dev.newsflow.enrich.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TaxonomyLoaderTest {

    @Test
    void loadsTheBundledTaxonomyWithEveryRequiredTopic() {
        Taxonomy taxonomy = TaxonomyLoader.bundled();
        assertTrue(taxonomy.topics().stream().map(Taxonomy.Topic::id).toList()
                .containsAll(Taxonomy.REQUIRED_TOPICS));
        assertTrue(taxonomy.entities().size() >= 500, "entities: " + taxonomy.entities().size());
        assertTrue(taxonomy.threshold() > 0);
    }

    @Test
    void typesLawsAsEventsAndWashingtonAsTheCity() {
        Taxonomy taxonomy = TaxonomyLoader.bundled();
        assertEquals(Taxonomy.EntityType.EVENT, entity(taxonomy, "AI Act").type());
        assertTrue(entity(taxonomy, "Washington, D.C.").aliases().values().stream()
                .anyMatch(list -> list.contains("Washington")));
    }

    @Test
    void reportsEveryProblemOfABadDocumentAtOnce() {
        String yaml = """
                version: ""
                topics:
                  - id: apec
                    terms:
                      xx: {"APEC": 0}
                    exactCase: ["Apec"]
                entities:
                  - name: "Somewhere"
                    type: PLANET
                    aliases: {all: ["Somewhere"]}
                    topics: {nowhere: 1}
                """;
        TaxonomyException e = assertThrows(TaxonomyException.class, () -> TaxonomyLoader.parse(yaml));
        String all = String.join("\n", e.problems());
        for (String expected : Arrays.asList("version is missing", "unknown language 'xx'", "weight above 0",
                "exactCase 'Apec'", "type 'PLANET'", "unknown topic 'nowhere'", "'green-tech' is missing")) {
            assertTrue(all.contains(expected), () -> "missing '" + expected + "' in\n" + all);
        }
    }

    @Test
    void refusesUnknownKeysSoThatATypoIsNotSilentlyIgnored() {
        TaxonomyException e = assertThrows(TaxonomyException.class,
                () -> TaxonomyLoader.parse("version: \"1\"\ntopicz: []\n"));
        assertTrue(e.getMessage().contains("topicz"), e.getMessage());
    }

    private static Taxonomy.Entity entity(Taxonomy taxonomy, String name) {
        return taxonomy.entities().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}
