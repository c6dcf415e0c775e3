package dev.newsflow.ingest;

import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.RawArticle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Counts what ingest does for {@code /metrics}, from what it publishes: every poll ends in exactly one
 * status, so the status is where fetches, errors and durations are counted, once.
 */
final class MeteredPublisher implements Publisher {

    private final Publisher inner;
    private final Counter fetched;
    private final Counter published;
    private final Counter skipped;
    private final Counter feedErrors;
    private final Timer fetchDuration;

    MeteredPublisher(Publisher inner, MeterRegistry registry) {
        this.inner = inner;
        this.fetched = Counter.builder("newsflow.articles.fetched")
                .description("Articles read from feeds, new, updated or unchanged").register(registry);
        this.published = Counter.builder("newsflow.articles.published")
                .description("Articles published to the raw topic, new or updated").register(registry);
        this.skipped = Counter.builder("newsflow.feed.items.skipped")
                .description("Items feeds listed past the first 1,000 of a document, which are all ingest reads")
                .register(registry);
        this.feedErrors = Counter.builder("newsflow.feed.errors")
                .description("Polls that ended in an error or found the feed dead").register(registry);
        this.fetchDuration = Timer.builder("newsflow.fetch.duration")
                .description("Time from the start of a poll to its outcome")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public CompletableFuture<Void> publish(List<RawArticle> articles, Map<String, byte[]> state) {
        return inner.publish(articles, state).thenRun(() -> published.increment(articles.size()));
    }

    @Override
    public void publishStatus(FeedStatus status) {
        fetched.increment(status.newItems() + status.updatedItems() + status.unchangedItems());
        skipped.increment(status.skippedItems());
        if (status.outcome() == FeedStatus.Outcome.ERROR || status.outcome() == FeedStatus.Outcome.DEAD) {
            feedErrors.increment();
        }
        fetchDuration.record(Duration.ofMillis(status.durationMs()));
        inner.publishStatus(status);
    }

    @Override
    public void close() {
        inner.close();
    }
}
