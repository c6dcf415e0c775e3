package dev.newsflow.ingest;

import dev.newsflow.core.CloudEvents;
import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to {@code news.raw} (key = article id), poll outcomes to {@code news.feed-status}
 * (key = feed URL), both with CloudEvents headers, and ingest's state to {@code ingest-state}, through one
 * idempotent producer with acks=all and lz4. Every send has a callback; nothing here blocks a poller.
 */
public final class ArticlePublisher implements Publisher {

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);

    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final Clock clock;
    /**
     * Completes send futures off the producer's I/O thread: a continuation that sends again (state after
     * articles) would otherwise block that thread on metadata only it can fetch.
     */
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ingest-send-callbacks");
        t.setDaemon(true);
        return t;
    });

    public ArticlePublisher(Properties clientProperties, Topics topics, Clock clock) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(DELIVERY_TIMEOUT.toMillis()));
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topics = topics;
        this.clock = clock;
    }

    /** Exposes the producer's own metrics (send rate, errors, latency) on {@code /metrics}. */
    void bindMetrics(MeterRegistry registry) {
        new KafkaClientMetrics(producer).bindTo(registry);
    }

    @Override
    public CompletableFuture<Void> publish(List<RawArticle> articles) {
        CompletableFuture<?>[] sends = new CompletableFuture<?>[articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            RawArticle article = articles.get(i);
            var record = new ProducerRecord<>(topics.raw.name(), article.id(),
                    topics.raw.valueSerde().serializer().serialize(topics.raw.name(), article));
            CloudEvents.stamp(record.headers(), article.feed().url(), CloudEvents.TYPE_RAW, clock.instant());
            sends[i] = send(record);
        }
        return CompletableFuture.allOf(sends);
    }

    @Override
    public void publishStatus(FeedStatus status) {
        var record = new ProducerRecord<>(topics.feedStatus.name(), status.feedUrl(),
                topics.feedStatus.valueSerde().serializer().serialize(topics.feedStatus.name(), status));
        CloudEvents.stamp(record.headers(), status.feedUrl(), CloudEvents.TYPE_FEED_STATUS, clock.instant());
        send(record).exceptionally(e -> {
            log.warn("Could not publish the status of {}: {}", status.feedUrl(), e.getMessage());
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> saveState(String key, byte[] value) {
        return send(new ProducerRecord<>(topics.ingestState.name(), key, value));
    }

    private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    callbacks.execute(() -> done.complete(null));
                } else {
                    IOException failure = new IOException("Kafka refused a record for " + record.topic()
                            + ": " + error.getMessage(), error);
                    callbacks.execute(() -> done.completeExceptionally(failure));
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(new IOException("could not send to " + record.topic() + ": " + e.getMessage(), e));
        }
        return done;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
        callbacks.shutdown();
    }
}
