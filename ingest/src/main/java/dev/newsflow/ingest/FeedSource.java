package dev.newsflow.ingest;

import java.time.Duration;

/**
 * One entry of the feed list.
 *
 * @param interval null to use the service's poll interval
 * @param language ISO 639-1 hint for the feed's articles, null when unknown
 */
public record FeedSource(String url, String name, Duration interval, String language) {
}
