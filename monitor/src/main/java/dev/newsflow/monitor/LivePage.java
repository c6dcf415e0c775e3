package dev.newsflow.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import dev.newsflow.core.ops.OpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live page: static files, a JSON snapshot ({@code /api/snapshot}) and a Server-Sent Events stream
 * ({@code /events}) that pushes each article as it is enriched and the page's figures every two seconds.
 * The page renders every field as text, never as HTML.
 */
final class LivePage {

    /** Open streams at most, so the ops endpoints always keep threads of their own. */
    static final int MAX_STREAMS = OpsServer.MAX_THREADS - 8;
    private static final long STATS_EVERY_MS = 2000;

    private final NewsBoard board;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    LivePage(NewsBoard board) {
        this.board = board;
    }

    void register(OpsServer server) throws IOException {
        load("/index.html", "text/html; charset=utf-8");
        load("/app.js", "text/javascript; charset=utf-8");
        load("/app.css", "text/css; charset=utf-8");
        server.route("/", this::staticFile);
        server.route("/api/snapshot", ex -> send(ex, 200, "application/json", snapshotJson()));
        server.route("/events", this::events);
    }

    private void load(String name, String type) throws IOException {
        try (InputStream in = LivePage.class.getResourceAsStream("/monitor" + name)) {
            if (in == null) {
                throw new IOException("the page file " + name + " is missing from the jar");
            }
            files.put(name, in.readAllBytes());
            files.put(name + ".type", type.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void staticFile(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String name = path.equals("/") ? "/index.html" : path;
        byte[] body = files.get(name);
        if (body == null || name.endsWith(".type")) {
            send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(exchange, 200, new String(files.get(name + ".type"), StandardCharsets.UTF_8), body);
    }

    private byte[] snapshotJson() throws JsonProcessingException {
        NewsBoard.Snapshot s = board.snapshot();
        Map<String, Object> json = stats(s);
        json.put("latest", s.latest().stream().map(ArticleView::of).toList());
        return Json.MAPPER.writeValueAsBytes(json);
    }

    private static Map<String, Object> stats(NewsBoard.Snapshot s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("articlesPerMinute", s.articlesPerMinute());
        json.put("perMinute", s.perMinute());
        json.put("trending", s.trending());
        json.put("feeds", s.feeds());
        json.put("lag", s.lag());
        return json;
    }

    private void events(HttpExchange exchange) throws IOException {
        if (!streams.tryAcquire()) {
            send(exchange, 503, "text/plain; charset=utf-8", "too many live viewers".getBytes(StandardCharsets.UTF_8));
            return;
        }
        BlockingQueue<EnrichedArticle> arrivals = new LinkedBlockingQueue<>(1000);
        Consumer<EnrichedArticle> listener = arrivals::offer;
        board.onArticle(listener);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            event(out, "stats", stats(board.snapshot()));
            long nextStats = System.currentTimeMillis() + STATS_EVERY_MS;
            while (!Thread.currentThread().isInterrupted()) {
                EnrichedArticle article = arrivals.poll(Math.max(1, nextStats - System.currentTimeMillis()),
                        TimeUnit.MILLISECONDS);
                if (article != null) {
                    event(out, "article", ArticleView.of(article));
                }
                if (System.currentTimeMillis() >= nextStats) {
                    event(out, "stats", stats(board.snapshot()));
                    nextStats = System.currentTimeMillis() + STATS_EVERY_MS;
                }
            }
        } catch (IOException e) {
            // The viewer went away: nothing to do but let go of the stream.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            board.removeListener(listener);
            streams.release();
        }
    }

    private static void event(OutputStream out, String name, Object data) throws IOException {
        byte[] json = Json.MAPPER.writeValueAsBytes(data);
        out.write(("event: " + name + "\ndata: ").getBytes(StandardCharsets.UTF_8));
        out.write(json);
        out.write("\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Content-Security-Policy",
                    "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
