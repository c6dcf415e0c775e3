package dev.newsflow.enrich.taxonomy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.newsflow.enrich.taxonomy.Taxonomy.Entity;
import dev.newsflow.enrich.taxonomy.Taxonomy.EntityType;
import dev.newsflow.enrich.taxonomy.Taxonomy.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a taxonomy YAML document (the classpath {@code taxonomy.yaml}, a file, or a {@code news.taxonomy}
 * record) and validates all of it, reporting every problem at once in a {@link TaxonomyException}.
 */
public final class TaxonomyLoader {

    /** The taxonomy shipped in the jar, used until a newer one arrives on the taxonomy topic. */
    public static final String BUNDLED = "taxonomy.yaml";
    /** Used when the document sets no threshold: one strong term (weight 3) is enough. */
    static final double DEFAULT_THRESHOLD = 3.0;

    // Strict on unknown keys: a misspelt key in a hand-edited taxonomy must not be silently ignored.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TaxonomyLoader() {
    }

    public static Taxonomy bundled() {
        try (InputStream in = TaxonomyLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and validates one YAML document. */
    public static Taxonomy parse(String yaml) {
        Document doc;
        try {
            doc = YAML.readValue(yaml, Document.class);
        } catch (JsonProcessingException e) {
            throw new TaxonomyException(List.of("not a taxonomy document: " + e.getOriginalMessage()));
        }
        if (doc == null) {
            throw new TaxonomyException(List.of("empty document"));
        }
        List<String> problems = new ArrayList<>();
        List<Topic> topics = topics(doc, problems);
        Set<String> topicIds = new HashSet<>();
        topics.forEach(t -> topicIds.add(t.id()));
        for (String required : Taxonomy.REQUIRED_TOPICS) {
            if (!topicIds.contains(required)) {
                problems.add("required topic '" + required + "' is missing");
            }
        }
        List<Entity> entities = entities(doc, topicIds, problems);
        if (doc.version == null || doc.version.isBlank()) {
            problems.add("version is missing");
        }
        double threshold = doc.threshold == null ? DEFAULT_THRESHOLD : doc.threshold;
        if (threshold <= 0) {
            problems.add("threshold must be above 0, was " + threshold);
        }
        if (!problems.isEmpty()) {
            throw new TaxonomyException(problems);
        }
        return new Taxonomy(doc.version.strip(), threshold, topics, entities);
    }

    private static List<Topic> topics(Document doc, List<String> problems) {
        List<Topic> topics = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TopicDoc t : doc.topics == null ? List.<TopicDoc>of() : doc.topics) {
            String where = "topic '" + t.id + "'";
            if (t.id == null || !t.id.matches("[a-z0-9-]+")) {
                problems.add(where + ": id must be lower-case letters, digits and hyphens");
                continue;
            }
            if (!seen.add(t.id)) {
                problems.add(where + ": defined twice");
            }
            Map<String, Map<String, Double>> terms = new LinkedHashMap<>();
            Set<String> allTerms = new HashSet<>();
            (t.terms == null ? Map.<String, Map<String, Double>>of() : t.terms).forEach((lang, byTerm) -> {
                if (!Taxonomy.LANGUAGES.contains(lang)) {
                    problems.add(where + ": unknown language '" + lang + "' (use en, fr, es or de)");
                }
                byTerm.forEach((term, weight) -> {
                    if (weight == null || weight <= 0) {
                        problems.add(where + ": term '" + term + "' needs a weight above 0");
                    }
                    allTerms.add(term);
                });
                terms.put(lang, byTerm);
            });
            if (allTerms.isEmpty()) {
                problems.add(where + ": has no terms");
            }
            Set<String> exact = Set.copyOf(t.exactCase == null ? List.of() : t.exactCase);
            exact.stream().filter(e -> !allTerms.contains(e))
                    .forEach(e -> problems.add(where + ": exactCase '" + e + "' is not one of its terms"));
            topics.add(new Topic(t.id, t.label == null ? t.id : t.label, terms, exact));
        }
        if (topics.isEmpty()) {
            problems.add("no topics");
        }
        return topics;
    }

    private static List<Entity> entities(Document doc, Set<String> topicIds, List<String> problems) {
        List<Entity> entities = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (EntityDoc e : doc.entities == null ? List.<EntityDoc>of() : doc.entities) {
            String where = "entity '" + e.name + "'";
            if (e.name == null || e.name.isBlank()) {
                problems.add("an entity has no name");
                continue;
            }
            if (!seen.add(e.name)) {
                problems.add(where + ": defined twice");
            }
            EntityType type = null;
            try {
                type = EntityType.valueOf(String.valueOf(e.type).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                problems.add(where + ": type '" + e.type + "' is not one of PERSON, ORGANIZATION, LOCATION,"
                        + " PRODUCT, EVENT");
            }
            Map<String, List<String>> aliases = e.aliases == null ? Map.of() : e.aliases;
            Set<String> allAliases = new HashSet<>();
            aliases.forEach((lang, list) -> {
                if (!lang.equals(Taxonomy.ALL_LANGUAGES) && !Taxonomy.LANGUAGES.contains(lang)) {
                    problems.add(where + ": unknown alias language '" + lang + "'");
                }
                allAliases.addAll(list);
            });
            if (allAliases.isEmpty()) {
                problems.add(where + ": has no aliases");
            }
            Set<String> exact = Set.copyOf(e.exactCase == null ? List.of() : e.exactCase);
            exact.stream().filter(x -> !allAliases.contains(x))
                    .forEach(x -> problems.add(where + ": exactCase '" + x + "' is not one of its aliases"));
            Map<String, Double> links = e.topics == null ? Map.of() : e.topics;
            links.keySet().stream().filter(id -> !topicIds.contains(id))
                    .forEach(id -> problems.add(where + ": links to unknown topic '" + id + "'"));
            if (type != null) {
                entities.add(new Entity(e.name, type, aliases, exact, links));
            }
        }
        return entities;
    }

    /** The document as written; validated into a {@link Taxonomy}. */
    private record Document(String version, Double threshold, List<TopicDoc> topics, List<EntityDoc> entities) {
    }

    private record TopicDoc(String id, String label, Map<String, String> labels,
                            Map<String, Map<String, Double>> terms, List<String> exactCase) {
    }

    private record EntityDoc(String name, String type, Map<String, List<String>> aliases,
                             @JsonProperty("exactCase") List<String> exactCase, Map<String, Double> topics) {
    }
}
