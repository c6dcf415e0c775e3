package dev.newsflow.core;

import java.util.List;

/** A topic enrich attached to an article, with its score and the evidence that produced it. */
public record TopicTag(String id, String label, double score, List<Evidence> evidence) {
    public TopicTag {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
