package dev.newsflow.core;

import java.util.List;

/**
 * A named entity found in an article.
 *
 * @param name     canonical English name ("Beijing" for "Pékin")
 * @param type     PERSON, ORGANIZATION, LOCATION, PRODUCT or EVENT
 * @param mentions how many times it is mentioned
 */
public record EntityTag(String name, String type, int mentions, List<Evidence> evidence) {
    public EntityTag {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
