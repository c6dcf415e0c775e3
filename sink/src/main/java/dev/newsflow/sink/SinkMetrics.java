package dev.newsflow.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the sink tells Prometheus: articles written to final archive files, and the end-to-end delay from
 * ingest's fetch to the final file, as a histogram a dashboard can take percentiles from.
 */
final class SinkMetrics {

    private final Counter written;
    private final Timer fetchToFile;

    SinkMetrics(MeterRegistry registry) {
        this.written = Counter.builder("newsflow.articles.written")
                .description("Articles written to final archive files")
                .register(registry);
        this.fetchToFile = Timer.builder("newsflow.fetch.to.file")
                .description("Delay from ingest fetching an article to the sink's final file holding it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    /** Called once the lines of a roll are final on disk. */
    void archived(List<FeedItem> items, Instant now) {
        written.increment(items.size());
        for (FeedItem item : items) {
            Duration delay = Duration.between(item.fetchedAt(), now);
            if (!delay.isNegative()) {
                fetchToFile.record(delay);
            }
        }
    }
}
