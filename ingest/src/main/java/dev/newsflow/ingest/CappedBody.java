package dev.newsflow.ingest;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory that fails, and stops reading, once it passes a byte limit or its
 * deadline: a dripping server is cut off at the first chunk after the deadline, and the fetcher's timer
 * cancels it even when no chunk comes.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long maxBytes;
    private final long deadlineNanos;
    /**
     * The chunks as they came, joined once at the end: a growing array copied a 2 MB feed about four times
     * over, a sixth of what ingest allocated in a burst.
     */
    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    CappedBody(long maxBytes, long deadlineNanos) {
        this.maxBytes = maxBytes;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            abort(new IOException("no complete answer before the fetch deadline"));
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (size + buffer.remaining() > maxBytes) {
                abort(new IOException("body larger than " + maxBytes + " bytes"));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            chunks.add(chunk);
            size += chunk.length;
        }
    }

    /** Stops reading and fails the body; safe to call from any thread, more than once. */
    void abort(IOException reason) {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(reason);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        byte[] body = new byte[(int) size];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, body, at, chunk.length);
            at += chunk.length;
        }
        chunks.clear();
        result.complete(body);
    }
}
