package dev.newsflow.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The stable id of an article, used as the record key everywhere so that partitioning and dedup follow it.
 * Same article, same id, across restarts and feeds: a hash of the canonical URL; when the item has no
 * usable URL, of the feed's guid (scoped to its feed, since guids are only unique within one); when it
 * has neither, of its content.
 */
public final class ArticleId {

    private static final HexFormat HEX = HexFormat.of();

    private ArticleId() {
    }

    /**
     * @param url     the article link, may be null
     * @param guid    the feed's id for the item, may be null
     * @param feedUrl the feed it came from
     * @param content title and text, asked for only when there is neither url nor guid: most items have a link,
     *                and joining an article's text for nothing copies kilobytes
     */
    public static String of(String url, String guid, String feedUrl, Supplier<String> content) {
        var canonical = CanonicalUrl.of(url);
        if (canonical.isPresent()) {
            return hash("url\n" + canonical.get());
        }
        if (guid != null && !guid.isBlank()) {
            return hash("guid\n" + feedUrl + "\n" + guid.strip());
        }
        String text = content.get();
        return hash("content\n" + feedUrl + "\n" + (text == null ? "" : text.strip()));
    }

    /** The id of the article at this URL; the URL must be absolute http(s). */
    public static String ofUrl(String url) {
        return hash("url\n" + CanonicalUrl.of(url)
                .orElseThrow(() -> new IllegalArgumentException("not an absolute http(s) URL: " + url)));
    }

    /** 128 bits of SHA-256 in hex: short enough for a key, far from any collision at news volumes. */
    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
