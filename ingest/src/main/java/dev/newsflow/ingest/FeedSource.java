package dev.newsflow.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the feed list, with its own settings.
 *
 * @param interval  null to use the service's poll interval
 * @param language  ISO 639-1 hint for the feed's articles, null when unknown
 * @param headers   extra request headers (never Host or conditional ones, which ingest sets itself)
 * @param userAgent null to use the service's user agent
 * @param fullText  whether to fetch each article's page and extract its main text
 */
public record FeedSource(String url, String name, Duration interval, String language, boolean enabled,
                         Map<String, String> headers, String userAgent, boolean fullText) {

    public FeedSource {
        Objects.requireNonNull(url, "url");
        name = name == null ? url : name;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A feed with every setting at its default. */
    public FeedSource(String url, String name, Duration interval, String language) {
        this(url, name, interval, language, true, Map.of(), null, false);
    }

    /** True for a feed configured as a local file, the only case where {@code file:} is allowed. */
    public boolean isLocalFile() {
        return url.regionMatches(true, 0, "file:", 0, 5);
    }
}
