package dev.newsflow.ingest;

import java.time.Duration;

/**
 * What one fetch may cost: a connect timeout, a deadline for the whole exchange (so a server dripping a
 * byte a second cannot hold a fetch longer), a cap on the body counted after decompression, and a
 * number of redirects.
 */
public record FetchLimits(Duration connectTimeout, Duration deadline, long maxBytes, int maxRedirects) {

    public static final int MAX_REDIRECTS = 5;

    public FetchLimits {
        if (connectTimeout.compareTo(deadline) > 0) {
            connectTimeout = deadline;
        }
    }
}
