package dev.newsflow.enrich;

import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Reads a {@code news.raw} value as a raw article inside the topology, so that a value that is not one
 * becomes a dead letter with its original bytes and the reason in headers, under the same header names
 * Kafka Streams' own dead-letter records use (KIP-1034): {@code __streams.errors.exception},
 * {@code .message}, {@code .topic}, {@code .partition}, {@code .offset}. Doing it here rather than in a
 * deserialization handler keeps the dead letter in the same exactly-once transaction as the output.
 */
final class ReadRawArticle implements FixedKeyProcessor<String, byte[], ReadRawArticle.Read> {

    static final String EXCEPTION = "__streams.errors.exception";
    static final String MESSAGE = "__streams.errors.message";
    static final String TOPIC = "__streams.errors.topic";
    static final String PARTITION = "__streams.errors.partition";
    static final String OFFSET = "__streams.errors.offset";

    private final Deserializer<RawArticle> deserializer;
    private final String topic;
    private FixedKeyProcessorContext<String, Read> context;

    ReadRawArticle(Topics topics) {
        this.deserializer = topics.raw.valueSerde().deserializer();
        this.topic = topics.raw.name();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Read> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        try {
            context.forward(record.withValue(new Read(deserializer.deserialize(topic, record.value()), null)));
        } catch (RuntimeException e) {
            markDead(record.headers(), e);
            context.forward(record.withValue(new Read(null, record.value())));
        }
    }

    private void markDead(Headers headers, RuntimeException e) {
        put(headers, EXCEPTION, e.getClass().getName());
        put(headers, MESSAGE, String.valueOf(e.getMessage()));
        RecordMetadata where = context.recordMetadata().orElse(null);
        if (where != null) {
            put(headers, TOPIC, where.topic());
            put(headers, PARTITION, String.valueOf(where.partition()));
            put(headers, OFFSET, String.valueOf(where.offset()));
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param article  the article, or null when the value could not be read
     * @param original the original bytes when the value could not be read, else null
     */
    record Read(RawArticle article, byte[] original) {
        boolean failed() {
            return article == null;
        }
    }
}
