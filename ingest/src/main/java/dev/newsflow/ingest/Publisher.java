package dev.newsflow.ingest;

import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.RawArticle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Where the poller's output goes: articles with the state that remembers them, and feed health. Kafka in production. */
interface Publisher extends AutoCloseable {

    /**
     * Writes one poll's articles and the ingest-state records that remember them (key to value, a null value
     * deletes), all or none. Never blocks; completes once all are written, exceptionally when none is.
     */
    CompletableFuture<Void> publish(List<RawArticle> articles, Map<String, byte[]> state);

    /** Sends a feed's poll outcome; a failure is logged, never thrown: health must not stop polling. */
    void publishStatus(FeedStatus status);

    @Override
    void close();
}
