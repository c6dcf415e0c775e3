package dev.newsflow.enrich;

import dev.newsflow.core.Topics;
import dev.newsflow.core.config.KafkaSettings;
import dev.newsflow.enrich.taxonomy.Taxonomy;
import dev.newsflow.enrich.taxonomy.TaxonomyLoader;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Validates a taxonomy document and publishes it to the compacted {@code news.taxonomy} topic under one
 * key, where running enrich instances pick it up for their next records.
 */
public final class TaxonomyPublisher {

    /** The one key of {@code news.taxonomy}: compaction keeps only the latest document. */
    public static final String KEY = "taxonomy";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private TaxonomyPublisher() {
    }

    /**
     * @return the published taxonomy
     * @throws dev.newsflow.enrich.taxonomy.TaxonomyException when the document does not validate; nothing
     *                                                       is published then
     */
    public static Taxonomy publish(KafkaSettings kafka, String yaml)
            throws InterruptedException, ExecutionException, TimeoutException {
        Taxonomy taxonomy = TaxonomyLoader.parse(yaml);
        Topics topics = kafka.topics();
        Properties props = kafka.clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(props, topics.taxonomy.keySerde().serializer(),
                topics.taxonomy.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topics.taxonomy.name(), KEY, yaml))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        return taxonomy;
    }
}
