package dev.newsflow.enrich.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated taxonomy: topics with weighted terms per language, entities with aliases per language, the
 * score a topic needs to be attached, and the version stamped on every article tagged with it.
 * Build one with {@link TaxonomyLoader}; immutable.
 */
public record Taxonomy(String version, double threshold, List<Topic> topics, List<Entity> entities) {

    /** The topic ids the rest of Newsflow relies on (feeds, the live page): every taxonomy must keep them. */
    public static final Set<String> REQUIRED_TOPICS =
            Set.of("ai-governance", "green-tech", "apec", "trade", "semiconductors", "open-source-ai");

    /** The languages terms and aliases are written in; {@code all} marks an alias good in every language. */
    public static final Set<String> LANGUAGES = Set.of("en", "fr", "es", "de");
    public static final String ALL_LANGUAGES = "all";

    public Taxonomy {
        topics = List.copyOf(topics);
        entities = List.copyOf(entities);
    }

    /**
     * @param terms     language -> term -> weight
     * @param exactCase terms that match only when written exactly so ({@code AI}, not {@code ai})
     */
    public record Topic(String id, String label, Map<String, Map<String, Double>> terms, Set<String> exactCase) {
        public Topic {
            terms = Map.copyOf(terms);
            exactCase = Set.copyOf(exactCase);
        }
    }

    /**
     * @param aliases   language (or {@code all}) -> aliases
     * @param exactCase aliases that match only when written exactly so ({@code Xi}, {@code Apple})
     * @param topics    topic id -> weight a mention of this entity adds to that topic
     */
    public record Entity(String name, EntityType type, Map<String, List<String>> aliases, Set<String> exactCase,
                         Map<String, Double> topics) {
        public Entity {
            aliases = Map.copyOf(aliases);
            exactCase = Set.copyOf(exactCase);
            topics = Map.copyOf(topics);
        }
    }

    /** The kinds of entity the enriched schema allows. */
    public enum EntityType { PERSON, ORGANIZATION, LOCATION, PRODUCT, EVENT }
}
