package dev.newsflow.ingest;

import dev.newsflow.core.config.Durations;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates the settings of one feed-list entry, whatever file format they came from, into a
 * {@link FeedSource}; a bad setting throws with the reason, which the list reports with the entry's line.
 */
final class FeedEntryReader {

    private static final Set<String> RESERVED_HEADERS = Set.of("host", "if-none-match", "if-modified-since",
            "accept-encoding", "content-length", "connection");

    private FeedEntryReader() {
    }

    /** Raw settings of one entry; any may be null. */
    record Entry(String url, String name, String interval, String language, String enabled,
                 Map<String, String> headers, String userAgent, String fullText) {
    }

    static FeedSource read(Entry e) {
        String url = e.url() == null ? "" : e.url().strip();
        if (url.isEmpty()) {
            throw new IllegalArgumentException("has no url");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception ex) {
            throw new IllegalArgumentException("url '" + url + "' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
            throw new IllegalArgumentException("url '" + url + "' must be an http, https or file URL");
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isBlank())) {
            throw new IllegalArgumentException("url '" + url + "' has no host");
        }
        Duration interval = null;
        if (e.interval() != null) {
            try {
                interval = Durations.parse(e.interval().strip());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("interval '" + e.interval() + "' " + ex.getMessage());
            }
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("interval '" + e.interval() + "' must be at least 1s");
            }
        }
        String language = null;
        if (e.language() != null && !e.language().isBlank()) {
            language = e.language().strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
            if (!language.matches("[a-z]{2,3}")) {
                throw new IllegalArgumentException("language '" + e.language() + "' is not an ISO 639 code");
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (e.headers() != null) {
            e.headers().forEach((k, v) -> {
                if (RESERVED_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("header '" + k + "' is set by ingest itself");
                }
                headers.put(k, v);
            });
        }
        return new FeedSource(url, blankToNull(e.name()), interval, language, flag(e.enabled(), "enabled", true),
                headers, blankToNull(e.userAgent()), flag(e.fullText(), "fullText", false));
    }

    private static boolean flag(String text, String key, boolean defaultValue) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + " '" + text + "' must be true or false");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
