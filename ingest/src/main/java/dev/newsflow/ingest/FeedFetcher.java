package dev.newsflow.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a feed over HTTP with a hard deadline for the whole exchange and a cap on the body, so that
 * a slow or endless server costs one fetch its budget and nothing more. Rome never opens URLs itself.
 */
public final class FeedFetcher {

    private final HttpClient client;
    private final Duration deadline;
    private final long maxBytes;
    private final String userAgent;

    public FeedFetcher(Duration deadline, long maxBytes, String userAgent) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(Math.min(10, deadline.toSeconds())))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.deadline = deadline;
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
    }

    /** The answer to a GET of a feed. */
    public record Response(int status, byte[] body, URI uri) {
    }

    /** @throws IOException naming the URL and what went wrong: unreachable, too slow, too large */
    public Response get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(deadline)
                .header("User-Agent", userAgent)
                .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
                        + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, CappedBody.handler(maxBytes));
        try {
            HttpResponse<byte[]> response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(response.statusCode(), response.body(), response.uri());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException(uri + ": no complete answer within " + deadline.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException(uri + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException(uri + ": interrupted", e);
        }
    }
}
