package dev.newsflow.ingest;

import dev.newsflow.core.ArticleProducers;
import dev.newsflow.core.CloudEvents;
import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to {@code news.raw} (key = article id) together with the {@code ingest-state} records
 * that remember them, in one Kafka transaction, so a crash can never leave an article published but not
 * remembered (republished after a restart) nor remembered but not published. Poll outcomes go to
 * {@code news.feed-status} (key = feed URL). Articles and statuses carry CloudEvents headers. Nothing here
 * blocks a poller: records are handed to a {@link TransactionCommitter}.
 */
public final class ArticlePublisher implements Publisher {

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);

    private final Properties producerProperties;
    private final Topics topics;
    private final Clock clock;
    private final TransactionCommitter committer;
    private volatile MeterRegistry registry;
    private KafkaClientMetrics producerMetrics;

    /** @param transactionalId this ingest's {@code transactional.id}: unique per running ingest on a cluster */
    public ArticlePublisher(Properties clientProperties, Topics topics, String transactionalId, Clock clock) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        ArticleProducers.settings().forEach(props::putIfAbsent);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(DELIVERY_TIMEOUT.toMillis()));
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
        this.producerProperties = props;
        this.topics = topics;
        this.clock = clock;
        this.committer = new TransactionCommitter(this::newProducer, transactionalId);
    }

    /** Exposes the producer's own metrics (send rate, errors, latency) on {@code /metrics}; call before start. */
    void bindMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Claims the transactional id, which also settles whatever transaction a previous instance left open. Call
     * before reading ingest-state: only then does the state show everything that instance committed.
     *
     * @throws IOException when the broker does not answer or refuses the id
     */
    void start() throws IOException {
        committer.start();
    }

    /** Completes with the cause when publishing stopped for good (fenced by another instance). */
    CompletableFuture<Throwable> fatalError() {
        return committer.fatalError();
    }

    @Override
    public CompletableFuture<Void> publish(List<RawArticle> articles, Map<String, byte[]> state) {
        if (articles.isEmpty() && state.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(articles.size() + state.size());
        for (RawArticle article : articles) {
            var record = new ProducerRecord<>(topics.raw.name(), article.id(),
                    topics.raw.valueSerde().serializer().serialize(topics.raw.name(), article));
            CloudEvents.stamp(record.headers(), article.feed().url(), CloudEvents.TYPE_RAW, clock.instant());
            records.add(record);
        }
        state.forEach((key, value) -> records.add(new ProducerRecord<>(topics.ingestState.name(), key, value)));
        return committer.submit(records);
    }

    /**
     * Statuses ride in the committer's next transaction, not in their poll's: a status is written once its poll's
     * outcome is known, which is after that poll's transaction. Going through the same committer (a transactional
     * producer can send nothing outside a transaction) also means a status never shows before the articles it counts.
     */
    @Override
    public void publishStatus(FeedStatus status) {
        var record = new ProducerRecord<>(topics.feedStatus.name(), status.feedUrl(),
                topics.feedStatus.valueSerde().serializer().serialize(topics.feedStatus.name(), status));
        CloudEvents.stamp(record.headers(), status.feedUrl(), CloudEvents.TYPE_FEED_STATUS, clock.instant());
        committer.submit(List.of(record)).exceptionally(e -> {
            log.warn("Could not publish the status of {}: {}", status.feedUrl(), e.getMessage());
            return null;
        });
    }

    /** A new transactional producer, its metrics bound in place of the previous one's. */
    private synchronized Producer<String, byte[]> newProducer() {
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties, new StringSerializer(),
                new ByteArraySerializer());
        if (registry != null) {
            if (producerMetrics != null) {
                producerMetrics.close();
            }
            producerMetrics = new KafkaClientMetrics(producer);
            producerMetrics.bindTo(registry);
        }
        return producer;
    }

    /** Commits what is queued (for up to 30 s), then closes the producer. */
    @Override
    public void close() {
        committer.close(Duration.ofSeconds(30));
        synchronized (this) {
            if (producerMetrics != null) {
                producerMetrics.close();
            }
        }
    }
}
