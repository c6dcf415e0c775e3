package dev.newsflow.ingest;

import dev.newsflow.core.FeedStatus;
import dev.newsflow.core.RawArticle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the poller would send, for unit tests of polling logic; the IT uses the real broker. */
final class RecordingPublisher implements Publisher {

    final List<RawArticle> articles = new CopyOnWriteArrayList<>();
    final List<FeedStatus> statuses = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> state = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Void> publish(List<RawArticle> batch) {
        articles.addAll(batch);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void publishStatus(FeedStatus status) {
        statuses.add(status);
    }

    @Override
    public CompletableFuture<Void> saveState(String key, byte[] value) {
        state.put(key, value);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
    }
}
