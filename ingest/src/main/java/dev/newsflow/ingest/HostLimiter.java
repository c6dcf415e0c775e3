package dev.newsflow.ingest;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * Limits how many fetches run at once against one host, and in all, without holding a thread while
 * waiting: a caller gets a future that completes when its turn comes. Politeness towards each server,
 * and bounded memory however many feeds are due at once.
 */
final class HostLimiter {

    private final int perHost;
    private final int total;
    private final Map<String, Integer> running = new HashMap<>();
    private final Queue<Waiter> waiting = new ArrayDeque<>();
    private int runningTotal;

    private record Waiter(String host, CompletableFuture<Void> turn) {
    }

    HostLimiter(int perHost, int total) {
        this.perHost = perHost;
        this.total = total;
    }

    static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Completes when the caller may fetch from {@code host}; pair with one {@link #release}. */
    CompletableFuture<Void> acquire(String host) {
        CompletableFuture<Void> turn = new CompletableFuture<>();
        synchronized (this) {
            if (mayStart(host)) {
                start(host);
                turn.complete(null);
            } else {
                waiting.add(new Waiter(host, turn));
            }
        }
        return turn;
    }

    void release(String host) {
        CompletableFuture<Void> next = null;
        synchronized (this) {
            running.merge(host, -1, (a, b) -> a + b == 0 ? null : a + b);
            runningTotal--;
            for (var it = waiting.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (mayStart(w.host())) {
                    it.remove();
                    start(w.host());
                    next = w.turn();
                    break;
                }
            }
        }
        if (next != null) {
            next.complete(null); // outside the lock: the caller's continuation may run here
        }
    }

    synchronized int waiting() {
        return waiting.size();
    }

    private boolean mayStart(String host) {
        return runningTotal < total && running.getOrDefault(host, 0) < perHost;
    }

    private void start(String host) {
        running.merge(host, 1, Integer::sum);
        runningTotal++;
    }
}
