package dev.newsflow.core;

import java.util.Objects;

/** The feed an article came from. {@code title} may be null when the feed has none. */
public record FeedRef(String url, String title) {
    public FeedRef {
        Objects.requireNonNull(url, "feed.url");
    }
}
