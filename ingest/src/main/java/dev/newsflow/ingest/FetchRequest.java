package dev.newsflow.ingest;

import java.net.URI;
import java.util.Map;

/**
 * One GET of a feed (conditional) or of an article's page.
 *
 * @param etag         the validator of the last 200, null when none
 * @param lastModified the Last-Modified of the last 200, null when none
 * @param allowFile    true only for a feed configured as a local file; a redirect never leads to a file
 * @param accept       the Accept header; null for {@link #FEEDS}
 */
public record FetchRequest(URI uri, String etag, String lastModified, Map<String, String> headers,
                           String userAgent, boolean allowFile, String accept) {

    /** What a feed fetch accepts: every feed format first, anything else last. */
    public static final String FEEDS = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    /** What an article-page fetch accepts: HTML, which is all it can read. */
    public static final String PAGES = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

    public FetchRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        accept = accept == null ? FEEDS : accept;
    }

    /** A feed fetch. */
    public FetchRequest(URI uri, String etag, String lastModified, Map<String, String> headers, String userAgent,
                        boolean allowFile) {
        this(uri, etag, lastModified, headers, userAgent, allowFile, FEEDS);
    }

    public static FetchRequest plain(URI uri, String userAgent) {
        return new FetchRequest(uri, null, null, Map.of(), userAgent, uri.getScheme() != null
                && uri.getScheme().equalsIgnoreCase("file"));
    }

    /** An article page: never conditional, never a file. */
    static FetchRequest page(URI uri, Map<String, String> headers, String userAgent) {
        return new FetchRequest(uri, null, null, headers, userAgent, false, PAGES);
    }
}
