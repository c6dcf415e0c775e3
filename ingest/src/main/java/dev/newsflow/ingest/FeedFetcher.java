package dev.newsflow.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches feeds, and article pages, with the JDK HTTP client's async API: conditional GET, gzip/deflate, our
 * own redirect handling (at most {@link FetchLimits#maxRedirects()}, http and https only, permanent moves
 * reported), and one deadline for the whole fetch including redirects. Rome never opens URLs itself.
 */
public final class FeedFetcher {

    private final HttpClient client;
    private final FetchLimits limits;
    private final Executor executor;

    /** @param executor runs the client's callbacks and local-file reads; bounded by the caller */
    public FeedFetcher(FetchLimits limits, Executor executor) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.limits = limits;
        this.executor = executor;
    }

    /** Blocking convenience for the CLI and tests. @throws IOException naming the URL and what went wrong */
    public FetchResult get(FetchRequest request) throws IOException {
        try {
            return fetch(request).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(request.uri() + ": interrupted", e);
        }
    }

    /** Completes with the final answer, or exceptionally with an {@link IOException} saying what went wrong. */
    public CompletableFuture<FetchResult> fetch(FetchRequest request) {
        long deadline = System.nanoTime() + limits.deadline().toNanos();
        String scheme = scheme(request.uri());
        if (scheme.equals("file")) {
            if (!request.allowFile()) {
                return CompletableFuture.failedFuture(new IOException(request.uri() + ": file URLs are allowed only "
                        + "for feeds configured as local files"));
            }
            return CompletableFuture.supplyAsync(() -> readFile(request.uri()), executor);
        }
        return hop(request, request.uri(), 0, true, deadline);
    }

    private CompletableFuture<FetchResult> hop(FetchRequest request, URI uri, int redirects, boolean permanent,
                                               long deadline) {
        String scheme = scheme(uri);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return CompletableFuture.failedFuture(new IOException(request.uri() + ": refused to fetch '" + uri
                    + "': only http and https are allowed"));
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return CompletableFuture.failedFuture(deadlineExceeded(request.uri()));
        }
        AtomicReference<CappedBody> body = new AtomicReference<>();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            CappedBody capped = new CappedBody(limits.maxBytes(), deadline);
            body.set(capped);
            return capped;
        };
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(build(request, uri, remaining), handler);
        CompletableFuture<HttpResponse<byte[]>> timed = exchange.orTimeout(remaining, TimeUnit.NANOSECONDS);
        return timed.handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
                    CappedBody capped = body.get();
                    if (capped != null) {
                        capped.abort(new IOException("deadline"));
                    }
                    exchange.cancel(true);
                    throw new CompletionException(deadlineExceeded(request.uri()));
                }
                String why = cause.getMessage() != null ? cause.getMessage()
                        : cause instanceof java.net.ConnectException ? "could not connect (refused or unreachable)"
                        : cause.getClass().getSimpleName();
                throw new CompletionException(new IOException(uri + ": " + why, cause));
            }
            return response;
        }).thenCompose(response -> next(request, uri, response, redirects, permanent, deadline));
    }

    private CompletableFuture<FetchResult> next(FetchRequest request, URI uri, HttpResponse<byte[]> response,
                                                int redirects, boolean permanent, long deadline) {
        int status = response.statusCode();
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null) {
                return CompletableFuture.failedFuture(new IOException(uri + ": HTTP " + status + " without Location"));
            }
            if (redirects >= limits.maxRedirects()) {
                return CompletableFuture.failedFuture(new IOException(request.uri() + ": more than "
                        + limits.maxRedirects() + " redirects"));
            }
            URI target;
            try {
                target = uri.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                return CompletableFuture.failedFuture(new IOException(uri + ": bad Location '" + location + "'"));
            }
            return hop(request, target, redirects + 1, permanent && (status == 301 || status == 308), deadline);
        }
        byte[] body;
        try {
            body = status == 200 ? BodyDecoder.decode(response.body(),
                    response.headers().firstValue("Content-Encoding").orElse(null), limits.maxBytes()) : new byte[0];
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new IOException(uri + ": " + e.getMessage(), e));
        }
        URI moved = redirects > 0 && permanent ? uri : null;
        return CompletableFuture.completedFuture(new FetchResult(status, body, uri, moved, response.headers(),
                response.body().length));
    }

    private static HttpRequest build(FetchRequest request, URI uri, long remainingNanos) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofNanos(remainingNanos))
                .header("User-Agent", request.userAgent())
                .header("Accept", request.accept())
                .header("Accept-Encoding", "gzip, deflate")
                .GET();
        request.headers().forEach(b::header);
        if (request.etag() != null) {
            b.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            b.header("If-Modified-Since", request.lastModified());
        }
        return b.build();
    }

    private FetchResult readFile(URI uri) {
        try {
            byte[] body = BodyDecoder.readCapped(Files.newInputStream(Path.of(uri)), limits.maxBytes());
            return new FetchResult(200, body, uri, null, FetchResult.NO_HEADERS, body.length);
        } catch (IOException | RuntimeException e) {
            throw new CompletionException(new IOException(uri + ": " + e.getMessage(), e));
        }
    }

    private IOException deadlineExceeded(URI uri) {
        return new IOException(uri + ": no complete answer within " + limits.deadline().toMillis() + " ms");
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }
}
