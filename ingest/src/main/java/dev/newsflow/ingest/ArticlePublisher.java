package dev.newsflow.ingest;

import dev.newsflow.core.CloudEvents;
import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes articles to {@code news.raw} (key = article id) and poll outcomes to {@code news.feed-status}
 * (key = feed URL), with CloudEvents headers, through one idempotent producer with acks=all.
 */
public final class ArticlePublisher implements AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(120);

    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final Clock clock;

    public ArticlePublisher(Properties clientProperties, Topics topics, Clock clock) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(SEND_TIMEOUT.toMillis()));
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topics = topics;
        this.clock = clock;
    }

    /**
     * Sends the articles and waits until the broker has every one: the caller marks them as seen only
     * after this returns, so a failure means they are sent again on the next poll, never lost.
     *
     * @throws IOException when any send failed
     */
    public void publish(List<RawArticle> articles) throws IOException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(articles.size());
        for (RawArticle article : articles) {
            var record = new ProducerRecord<>(topics.raw.name(), article.id(),
                    topics.raw.valueSerde().serializer().serialize(topics.raw.name(), article));
            CloudEvents.stamp(record.headers(), article.feed().url(), CloudEvents.TYPE_RAW, clock.instant());
            sends.add(producer.send(record));
        }
        awaitAll(sends);
    }

    /** Sends a feed's poll outcome; a failure here is reported but never blocks the articles. */
    public void publishStatus(FeedStatus status) throws IOException {
        var record = new ProducerRecord<>(topics.feedStatus.name(), status.feedUrl(),
                topics.feedStatus.valueSerde().serializer().serialize(topics.feedStatus.name(), status));
        CloudEvents.stamp(record.headers(), status.feedUrl(), CloudEvents.TYPE_FEED_STATUS, clock.instant());
        awaitAll(List.of(producer.send(record)));
    }

    private static void awaitAll(List<Future<RecordMetadata>> sends) throws IOException {
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw new IOException("Kafka refused a record: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("Kafka did not acknowledge within " + SEND_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while publishing", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
