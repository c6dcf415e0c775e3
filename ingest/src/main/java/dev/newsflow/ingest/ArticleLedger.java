package dev.newsflow.ingest;

import dev.newsflow.core.RawArticle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What ingest has published, per article id: its version and a fingerprint of its text. A repeat is
 * skipped, an edit goes out as the next version. Filled from {@code ingest-state} at start, so a
 * restart neither republishes nor restarts versions at 1. Bounded: the least recently seen ids go first,
 * long after they have left any feed.
 */
final class ArticleLedger {

    static final int DEFAULT_CAPACITY = 500_000;

    /** The published state of one article, as stored under {@code article|<id>} in ingest-state. */
    record Mark(int version, long fingerprint) {
    }

    /**
     * An article to publish, with the mark that records it once published, and {@code previous} (null for a new
     * article) to restore if the publication fails.
     */
    record Claim(RawArticle article, Mark mark, Mark previous, boolean update) {
    }

    private final Map<String, Mark> marks;

    ArticleLedger(int capacity) {
        this.marks = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Mark> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Decides and reserves in one step, so that the same article arriving from two feeds at once is
     * published once: the second caller already sees the first one's mark.
     */
    Optional<Claim> claim(RawArticle article) {
        // Hashing an article's text takes longer than the rest of the claim: done before taking the lock.
        return claim(article, fingerprint(article));
    }

    private synchronized Optional<Claim> claim(RawArticle article, long fingerprint) {
        Mark before = marks.get(article.id());
        if (before != null && before.fingerprint() == fingerprint) {
            return Optional.empty();
        }
        RawArticle out = before == null ? article : article.withVersion(before.version() + 1);
        Mark mark = new Mark(out.version(), fingerprint);
        marks.put(article.id(), mark);
        return Optional.of(new Claim(out, mark, before, before != null));
    }

    /** Undoes a claim whose publication failed, so the next poll tries again. */
    synchronized void release(Claim claim) {
        String id = claim.article().id();
        if (claim.previous() == null) {
            marks.remove(id);
        } else {
            marks.put(id, claim.previous());
        }
    }

    synchronized void restore(String id, Mark mark) {
        if (mark == null) {
            marks.remove(id);
        } else {
            marks.put(id, mark);
        }
    }

    synchronized int size() {
        return marks.size();
    }

    static long fingerprint(RawArticle a) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {a.title(), a.summary(), a.content()}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
