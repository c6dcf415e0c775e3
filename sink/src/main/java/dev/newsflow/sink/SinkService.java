package dev.newsflow.sink;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes committed {@code news.enriched} records and appends them to the archive, committing offsets
 * only after the lines are on disk.
 */
public final class SinkService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SinkService.class);

    private final KafkaConsumer<String, EnrichedArticle> consumer;
    private final ArchiveWriter archive;
    private final Topics topics;
    private final Thread loop;
    private volatile boolean running = true;

    public SinkService(SinkConfig config) {
        this.topics = config.kafka().topics();
        Properties props = config.kafka().clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.startPosition().name().toLowerCase(Locale.ROOT));
        this.consumer = new KafkaConsumer<>(props, topics.enriched.keySerde().deserializer(),
                topics.enriched.valueSerde().deserializer());
        this.archive = new ArchiveWriter(config.outputDir());
        this.loop = new Thread(this::run, "sink-loop");
    }

    public void start() {
        loop.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topics.enriched.name()));
            while (running) {
                ConsumerRecords<String, EnrichedArticle> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                List<EnrichedArticle> articles = new ArrayList<>(records.count());
                for (ConsumerRecord<String, EnrichedArticle> r : records) {
                    if (r.value() != null) {
                        articles.add(r.value());
                    }
                }
                archive.append(articles);
                consumer.commitSync();
                log.debug("Wrote {} articles", articles.size());
            }
        } catch (WakeupException e) {
            // stop() woke the poll: fall through to close.
        } catch (IOException | RuntimeException e) {
            log.error("sink stopped: {}", e.getMessage(), e);
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    /** Stops consuming and closes the consumer; lines written but not committed are written again. Idempotent. */
    public void stop() {
        running = false;
        consumer.wakeup();
        try {
            loop.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the loop ends; true when it ended because {@link #stop()} was called. */
    public boolean awaitTermination() throws InterruptedException {
        loop.join();
        return !running;
    }

    @Override
    public void close() {
        stop();
    }
}
