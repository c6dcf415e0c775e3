package dev.newsflow.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 for ingest's tests, with the behaviours hostile and polite servers
 * have: conditional GET, gzip, redirects, drips, throttling. Records every request's headers.
 */
final class FeedFixtureServer implements AutoCloseable {

    /** Answers one request. */
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** The headers of one request received, lower-case names. */
    record Request(String path, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FeedFixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    String route(String path, Handler handler) {
        routes.put(path, handler);
        return url(path);
    }

    String serve(String path, String contentType, String body) {
        return serve(path, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    String serve(String path, String contentType, byte[] body, Map<String, String> headers) {
        return route(path, ex -> send(ex, 200, contentType, body, headers));
    }

    /** Answers 200 with validators, and 304 when the request carries either of them. */
    String serveConditional(String path, String contentType, String body, String etag, String lastModified) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return route(path, ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
            if (etag.equals(inm) || lastModified.equals(ims)) {
                ex.getResponseHeaders().set("ETag", etag);
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            send(ex, 200, contentType, bytes, Map.of("ETag", etag, "Last-Modified", lastModified));
        });
    }

    String status(String path, int status, Map<String, String> headers) {
        return route(path, ex -> send(ex, status, "text/plain", new byte[0], headers));
    }

    String redirect(String path, int status, String location) {
        return status(path, status, Map.of("Location", location));
    }

    /** Sends the headers at once, then one byte per {@code everyMillis}, forever (until the client leaves). */
    String drip(String path, long everyMillis) {
        return route(path, ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100_000; i++) {
                    out.write('<');
                    out.flush();
                    Thread.sleep(everyMillis); // the server's drip pace, not a test wait
                }
            } catch (IOException | InterruptedException e) {
                // the client gave up, as it should
            }
        });
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    static byte[] gzip(byte[] bytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        Map<String, String> headers = new ConcurrentHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        String path = ex.getRequestURI().getPath();
        requests.add(new Request(path, headers));
        Handler handler = routes.get(path);
        if (handler == null) {
            send(ex, 404, "text/plain", new byte[0], Map.of());
            return;
        }
        handler.handle(ex);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
