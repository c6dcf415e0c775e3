package dev.newsflow.core;

import java.time.Instant;

/**
 * How many articles carried a tag in one time window: the value on {@code news.tag-trends}.
 *
 * @param kind "topic" or "entity"
 * @param tag  the topic id or the entity's canonical name
 */
public record TagTrend(String kind, String tag, Instant windowStart, Instant windowEnd, long count) {
}
