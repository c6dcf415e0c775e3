package dev.newsflow.ingest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Serves the bundled sample feed over HTTP on loopback, so the local run shows articles flowing with no
 * internet: {@code http://127.0.0.1:PORT/sample.xml}.
 */
public final class SampleFeedServer implements AutoCloseable {

    public static final String PATH = "/sample.xml";

    private final HttpServer server;

    private SampleFeedServer(HttpServer server) {
        this.server = server;
    }

    /** @param port 0 for any free port */
    public static SampleFeedServer start(int port) throws IOException {
        byte[] feed;
        try (InputStream in = SampleFeedServer.class.getResourceAsStream("/sample/sample-feed.xml")) {
            if (in == null) {
                throw new IOException("the sample feed is missing from the jar");
            }
            feed = in.readAllBytes();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(PATH, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, feed.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(feed);
            }
        });
        server.start();
        return new SampleFeedServer(server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
