package dev.newsflow.ingest;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Map;

/**
 * The answer to a feed fetch after redirects: a final status, the decoded body (empty for 304 and
 * errors), and what the caller needs for the next poll.
 *
 * @param finalUri         where the answer came from
 * @param movedPermanently the new address when every redirect on the way was permanent (301/308), else null
 * @param wireBytes        bytes received before decompression
 */
public record FetchResult(int status, byte[] body, URI finalUri, URI movedPermanently, HttpHeaders headers,
                          long wireBytes) {

    static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
