package dev.newsflow.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ArticleIdTest {

    private static final String FEED = "https://a.example/feed";

    @Test
    void canonicalUrlLowersSchemeAndHostAndDropsFragmentDefaultPortAndTracking() {
        assertEquals(Optional.of("https://www.simseo.fr/ia/article?id=7&page=2"),
                CanonicalUrl.of("HTTPS://WWW.Simseo.FR:443/ia/article?utm_source=rss&id=7&fbclid=x&page=2&gclid=y#top"));
    }

    @Test
    void canonicalUrlKeepsThePathCaseAndANonDefaultPort() {
        assertEquals(Optional.of("http://a.example:8080/Ia/Article"), CanonicalUrl.of("http://A.example:8080/Ia/Article"));
        assertEquals(Optional.of("http://a.example/"), CanonicalUrl.of("http://a.example"));
    }

    @Test
    void canonicalUrlRefusesWhatIsNotAnAbsoluteWebUrl() {
        assertTrue(CanonicalUrl.of("/relative/path").isEmpty());
        assertTrue(CanonicalUrl.of("mailto:x@example.com").isEmpty());
        assertTrue(CanonicalUrl.of("not a url").isEmpty());
        assertTrue(CanonicalUrl.of(null).isEmpty());
    }

    @Test
    void sameArticleHasTheSameIdWhateverTheTrackingAndFeed() {
        Supplier<String> unused = () -> {
            throw new AssertionError("the text was asked for although the item has a link");
        };
        String a = ArticleId.of("https://news.example/a?utm_medium=feed", "guid-1", FEED, unused);
        String b = ArticleId.of("https://NEWS.example/a#comments", "other-guid", "https://b.example/feed", unused);
        assertEquals(a, b);
        assertEquals(32, a.length());
    }

    @Test
    void fallsBackToTheGuidScopedToItsFeedThenToTheContent() {
        String byGuid = ArticleId.of(null, "42", FEED, () -> "x");
        assertEquals(byGuid, ArticleId.of("", "42", FEED, () -> "different text"));
        assertNotEquals(byGuid, ArticleId.of(null, "42", "https://b.example/feed", () -> "x"));
        String byContent = ArticleId.of(null, null, FEED, () -> "Title\nText");
        assertEquals(byContent, ArticleId.of(null, " ", FEED, () -> "Title\nText"));
        assertNotEquals(byContent, ArticleId.of(null, null, FEED, () -> "Other"));
    }

    @Test
    void differentArticlesHaveDifferentIds() {
        assertNotEquals(ArticleId.ofUrl("https://news.example/a"), ArticleId.ofUrl("https://news.example/b"));
        assertNotEquals(ArticleId.ofUrl("https://news.example/a?id=1"), ArticleId.ofUrl("https://news.example/a?id=2"));
    }
}
