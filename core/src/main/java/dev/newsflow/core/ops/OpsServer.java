package dev.newsflow.core.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints every operator expects of a service: {@code /health} (the process is alive),
 * {@code /ready} (it can do its job now: each named check passes) and {@code /metrics} (Prometheus text).
 * A service may add routes of its own with {@link #route}.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

    /** Threads serving requests; a route that holds its connection open must stay well below this. */
    public static final int MAX_THREADS = 48;

    private final HttpServer server;
    private final PrometheusMeterRegistry registry;
    private final Map<String, BooleanSupplier> readiness = new LinkedHashMap<>();

    private OpsServer(HttpServer server, PrometheusMeterRegistry registry) {
        this.server = server;
        this.registry = registry;
    }

    /** Starts serving on {@code port} (0 for any free port) on every interface, as a container needs. */
    public static OpsServer start(String service, int port) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", service);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve /health, /ready and /metrics on port " + port, e);
        }
        // Bounded, but with room for long-lived streams (a live page) beside the probes.
        server.setExecutor(new ThreadPoolExecutor(2, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                DaemonThreads.numbered(service + "-http")));
        OpsServer ops = new OpsServer(server, registry);
        server.createContext("/health", ex -> ops.reply(ex, 200, "application/json", "{\"status\":\"UP\"}"));
        server.createContext("/ready", ops::ready);
        server.createContext("/metrics", ex -> ops.reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape()));
        server.start();
        log.info("{} serves /health, /ready and /metrics on port {}", service, ops.port());
        return ops;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Adds a readiness check; {@code /ready} answers 200 only while every check passes. */
    public synchronized OpsServer readyWhen(String name, BooleanSupplier check) {
        readiness.put(name, check);
        return this;
    }

    /** Serves more paths, such as a page, from the same port. */
    public void route(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    private void ready(HttpExchange exchange) throws IOException {
        Map<String, Boolean> results = new LinkedHashMap<>();
        synchronized (this) {
            readiness.forEach((name, check) -> results.put(name, safely(check)));
        }
        boolean ready = results.values().stream().allMatch(Boolean::booleanValue);
        StringBuilder json = new StringBuilder("{\"status\":\"").append(ready ? "READY" : "NOT_READY")
                .append("\",\"checks\":{");
        results.forEach((name, ok) -> json.append('"').append(name).append("\":").append(ok).append(','));
        if (!results.isEmpty()) {
            json.setLength(json.length() - 1);
        }
        json.append("}}");
        reply(exchange, ready ? 200 : 503, "application/json", json.toString());
    }

    private static boolean safely(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
