package dev.newsflow.ingest;

import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.RawArticle;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where the poller's output goes: articles, feed health, and ingest's own state. Kafka in production. */
interface Publisher extends AutoCloseable {

    /** Completes once the broker has every article, exceptionally when any send failed. */
    CompletableFuture<Void> publish(List<RawArticle> articles);

    /** Sends a feed's poll outcome; a failure is logged, never thrown: health must not stop polling. */
    void publishStatus(FeedStatus status);

    /** Writes one ingest-state record (null value deletes); completes when the broker has it. */
    CompletableFuture<Void> saveState(String key, byte[] value);

    @Override
    void close();
}
