package dev.newsflow.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the topology counts for {@code /metrics}: articles tagged and records dead-lettered. A collaborator of
 * the topology, so the topology stays a function of what it is given. Counts are of processing attempts:
 * under exactly-once, work redone after a crash is counted again.
 */
public interface EnrichCounters {

    /** Counts nothing: for tests and the offline CLI. */
    EnrichCounters NONE = new EnrichCounters() {
        @Override
        public void tagged() {
        }

        @Override
        public void deadLettered() {
        }
    };

    void tagged();

    void deadLettered();

    /** Counters registered as {@code newsflow_articles_tagged_total} and {@code newsflow_articles_dead_lettered_total}. */
    static EnrichCounters in(MeterRegistry registry) {
        Counter tagged = Counter.builder("newsflow.articles.tagged")
                .description("Articles tagged and written to the enriched topic").register(registry);
        Counter dead = Counter.builder("newsflow.articles.dead.lettered")
                .description("Records sent to the dead-letter topic").register(registry);
        return new EnrichCounters() {
            @Override
            public void tagged() {
                tagged.increment();
            }

            @Override
            public void deadLettered() {
                dead.increment();
            }
        };
    }
}
