package dev.newsflow.enrich.taxonomy;

import java.util.List;

/** A taxonomy document that cannot be used, with every problem found in it. */
public final class TaxonomyException extends RuntimeException {

    private final List<String> problems;

    public TaxonomyException(List<String> problems) {
        super("invalid taxonomy: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
