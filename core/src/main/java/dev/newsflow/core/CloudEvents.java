package dev.newsflow.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents headers in the Kafka binary binding ({@code ce_id}, {@code ce_source}, {@code ce_type},
 * {@code ce_time}, {@code ce_specversion}), so generic Kafka tooling can route and trace every record.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE_RAW = "dev.newsflow.article.raw";
    public static final String TYPE_ENRICHED = "dev.newsflow.article.enriched";
    public static final String TYPE_FEED_STATUS = "dev.newsflow.feed.status";

    private CloudEvents() {
    }

    /** Sets the five headers on {@code headers}, replacing any earlier values. */
    public static void stamp(Headers headers, String source, String type, Instant time) {
        put(headers, "ce_id", UUID.randomUUID().toString());
        put(headers, "ce_source", source);
        put(headers, "ce_type", type);
        put(headers, "ce_time", time.toString());
        put(headers, "ce_specversion", SPEC_VERSION);
        put(headers, "content-type", "application/json");
    }

    /** The text of a header, or null when absent. */
    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
