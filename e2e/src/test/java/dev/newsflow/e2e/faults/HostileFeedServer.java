package dev.newsflow.e2e.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsflow.core.ops.DaemonThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * Feeds that attack their reader, on loopback: a server dripping one byte a second, a gzip bomb, an XML
 * external entity aimed at a canary file, a redirect loop, and a 50 MB body.
 */
final class HostileFeedServer implements AutoCloseable {

    private final HttpServer server;
    private final byte[] bomb;
    private final Path canary;

    HostileFeedServer(Path canary) {
        this.canary = canary;
        this.bomb = gzipOfZeros(256L << 20);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(DaemonThreads.numbered("hostile-feed")));
        server.createContext("/drip.xml", this::drip);
        server.createContext("/bomb.xml", this::bomb);
        server.createContext("/xxe.xml", this::xxe);
        server.createContext("/loop.xml", this::loop);
        server.createContext("/huge.xml", this::huge);
        server.start();
    }

    List<String> urls() {
        return List.of("drip", "bomb", "xxe", "loop", "huge").stream()
                .map(n -> "http://127.0.0.1:" + server.getAddress().getPort() + "/" + n + ".xml").toList();
    }

    private void drip(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>drip</title>"
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 600; i++) {
                out.write(feed[i % feed.length]);
                out.flush();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } catch (IOException gone) {
            // The reader gave up, as it should.
        }
    }

    private void bomb(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, bomb.length);
            exchange.getResponseBody().write(bomb);
        } catch (IOException gone) {
            // The reader stopped at its cap.
        }
    }

    private void xxe(HttpExchange exchange) throws IOException {
        String feed = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY canary SYSTEM \"" + canary.toUri() + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>xxe</title><link>https://xxe.example/</link>"
                + "<description>x</description><item><title>&canary;</title>"
                + "<link>https://xxe.example/a</link><description>&canary;</description></item></channel></rss>";
        send(exchange, feed.getBytes(StandardCharsets.UTF_8));
    }

    private void loop(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Location", "/loop.xml?again=" + System.nanoTime());
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private void huge(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            long size = 50L << 20;
            exchange.sendResponseHeaders(200, size);
            OutputStream out = exchange.getResponseBody();
            byte[] chunk = "<!-- filler filler filler filler filler filler filler filler filler -->\n"
                    .repeat(900).getBytes(StandardCharsets.UTF_8);
            for (long sent = 0; sent < size; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, size - sent));
            }
        } catch (IOException gone) {
            // The reader stopped at its cap.
        }
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] gzipOfZeros(long bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
            byte[] zeros = new byte[1 << 16];
            for (long written = 0; written < bytes; written += zeros.length) {
                gzip.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
