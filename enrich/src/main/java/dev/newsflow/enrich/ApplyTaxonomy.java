package dev.newsflow.enrich;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global {@code taxonomy} store in step with {@code news.taxonomy} and hands every new document
 * to {@link CurrentTaxonomy}. On start it applies the stored document too, so a restarted instance tags
 * with the last published taxonomy, not the bundled one.
 */
final class ApplyTaxonomy implements Processor<String, String, Void, Void> {

    static final String STORE = "taxonomy";

    private final CurrentTaxonomy taxonomy;
    private KeyValueStore<String, String> store;

    ApplyTaxonomy(CurrentTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(STORE);
        String stored = store.get(TaxonomyPublisher.KEY);
        if (stored != null) {
            taxonomy.apply(stored);
        }
    }

    @Override
    public void process(Record<String, String> record) {
        if (record.key() == null) {
            return;
        }
        store.put(record.key(), record.value());
        if (TaxonomyPublisher.KEY.equals(record.key()) && record.value() != null) {
            taxonomy.apply(record.value());
        }
    }
}
