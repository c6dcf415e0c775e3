package dev.newsflow.ingest;

import java.net.URI;
import java.util.Map;

/**
 * One conditional GET of a feed.
 *
 * @param etag         the validator of the last 200, null when none
 * @param lastModified the Last-Modified of the last 200, null when none
 * @param allowFile    true only for a feed configured as a local file; a redirect never leads to a file
 */
public record FetchRequest(URI uri, String etag, String lastModified, Map<String, String> headers,
                           String userAgent, boolean allowFile) {

    public FetchRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static FetchRequest plain(URI uri, String userAgent) {
        return new FetchRequest(uri, null, null, Map.of(), userAgent, uri.getScheme() != null
                && uri.getScheme().equalsIgnoreCase("file"));
    }
}
