package dev.newsflow.ingest;

import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.RawArticle;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps what the poller would send, for unit tests of polling logic; the ITs use the real broker. */
final class RecordingPublisher implements Publisher {

    final List<RawArticle> articles = new CopyOnWriteArrayList<>();
    final List<FeedStatus> statuses = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> state = new ConcurrentHashMap<>();
    /** How many of the next publications fail, all or nothing, as an aborted transaction does. */
    final AtomicInteger failNext = new AtomicInteger();

    @Override
    public CompletableFuture<Void> publish(List<RawArticle> batch, Map<String, byte[]> stateRecords) {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return CompletableFuture.failedFuture(new IOException("transaction aborted (test)"));
        }
        articles.addAll(batch);
        state.putAll(stateRecords);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void publishStatus(FeedStatus status) {
        statuses.add(status);
    }

    @Override
    public void close() {
    }
}
