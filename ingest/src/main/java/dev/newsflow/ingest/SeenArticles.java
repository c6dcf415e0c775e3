package dev.newsflow.ingest;

import dev.newsflow.core.RawArticle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What ingest has published: per article id, its version and a fingerprint of its text, so that a repeat
 * is skipped and an edit is published again as the next version. Bounded: the oldest ids are forgotten
 * first, long after they have left any feed.
 */
final class SeenArticles {

    private static final int CAPACITY = 200_000;

    private record Seen(int version, int fingerprint) {
    }

    private final Map<String, Seen> seen = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The article as it should be published, or empty when it was published before unchanged. */
    synchronized Optional<RawArticle> toPublish(RawArticle article) {
        Seen before = seen.get(article.id());
        int fingerprint = fingerprint(article);
        if (before == null) {
            return Optional.of(article);
        }
        if (before.fingerprint() == fingerprint) {
            return Optional.empty();
        }
        return Optional.of(article.withVersion(before.version() + 1));
    }

    synchronized boolean isUpdate(RawArticle article) {
        return seen.containsKey(article.id());
    }

    /** Records an article once the broker has it. */
    synchronized void published(RawArticle article) {
        seen.put(article.id(), new Seen(article.version(), fingerprint(article)));
    }

    private static int fingerprint(RawArticle a) {
        return (a.title() + '\u0000' + a.summary() + '\u0000' + a.content()).hashCode();
    }
}
