package dev.newsflow.enrich;

import dev.newsflow.enrich.taxonomy.Taxonomy;

/** Small taxonomy documents for tests of live updates and validation. */
final class TestTaxonomies {

    private TestTaxonomies() {
    }

    /** A minimal valid document, version {@code test-2}: the required topics plus one more. */
    static String withExtraTopic(String id, String term) {
        StringBuilder yaml = new StringBuilder("version: \"test-2\"\nthreshold: 2\ntopics:\n");
        for (String required : Taxonomy.REQUIRED_TOPICS.stream().sorted().toList()) {
            yaml.append("  - id: ").append(required).append("\n    label: \"").append(required)
                    .append("\"\n    terms:\n      en: {\"").append(required).append("\": 3}\n");
        }
        yaml.append("  - id: ").append(id).append("\n    label: \"").append(id)
                .append("\"\n    terms:\n      en: {\"").append(term).append("\": 3}\n");
        yaml.append("entities:\n  - name: \"APEC\"\n    type: ORGANIZATION\n    aliases:\n      all: [\"APEC\"]\n");
        return yaml.toString();
    }
}
