package dev.newsflow.core;

import java.time.Instant;

/**
 * The outcome of one poll of one feed: the value on {@code news.feed-status}, keyed by the feed URL
 * (compacted, so the topic holds each feed's latest health).
 *
 * @param httpStatus   0 when no HTTP answer came (timeout, refused connection)
 * @param skippedItems items the feed listed past the most ingest reads from one document (1,000), not read
 * @param error        null when the poll succeeded
 */
public record FeedStatus(
        int schemaVersion,
        String feedUrl,
        Outcome outcome,
        int httpStatus,
        int newItems,
        int updatedItems,
        int unchangedItems,
        int skippedItems,
        long bytes,
        long durationMs,
        String error,
        int consecutiveFailures,
        Instant polledAt,
        Instant nextPollAt) {

    public static final int SCHEMA_VERSION = 1;

    /** What a poll came to. */
    public enum Outcome { OK, NOT_MODIFIED, ERROR, DEAD }
}
