package dev.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HostLimiterTest {

    @Test
    void holdsBackASecondFetchFromTheSameHostUntilTheFirstEnds() {
        HostLimiter limiter = new HostLimiter(1, 10);
        assertTrue(limiter.acquire("a.example").isDone());
        CompletableFuture<Void> second = limiter.acquire("a.example");
        assertTrue(limiter.acquire("b.example").isDone(), "another host is not held back");
        assertFalse(second.isDone());
        limiter.release("a.example");
        assertTrue(second.isDone());
    }

    @Test
    void boundsTheTotalAcrossHosts() {
        HostLimiter limiter = new HostLimiter(5, 2);
        limiter.acquire("a");
        limiter.acquire("b");
        CompletableFuture<Void> third = limiter.acquire("c");
        assertEquals(1, limiter.waiting());
        limiter.release("a");
        assertTrue(third.isDone());
    }

    @Test
    void takesTheHostFromAFeedUrlInLowerCase() {
        assertEquals("news.example", HostLimiter.host("https://NEWS.Example:8443/feed"));
    }
}
