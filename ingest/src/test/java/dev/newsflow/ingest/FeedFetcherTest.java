package dev.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedFetcherTest {

    private static final String RSS = "application/rss+xml";

    private final FeedFixtureServer server = new FeedFixtureServer();
    private final ExecutorService http = Executors.newFixedThreadPool(2);
    private final FeedFetcher fetcher = new FeedFetcher(
            new FetchLimits(Duration.ofSeconds(2), Duration.ofMillis(1500), 64 * 1024, FetchLimits.MAX_REDIRECTS), http);

    @AfterEach
    void close() {
        server.close();
        http.shutdownNow();
    }

    private FetchResult get(String url) throws IOException {
        return fetcher.get(FetchRequest.plain(URI.create(url), "test"));
    }

    @Test
    void sendsTheValidatorsBackAndGetsANotModified() throws IOException {
        String url = server.serveConditional("/c.xml", RSS, Fixtures.rss(""), "\"v1\"", "Tue, 24 Nov 2026 10:00:00 GMT");
        FetchResult first = get(url);
        assertEquals(200, first.status());
        FetchResult second = fetcher.get(new FetchRequest(URI.create(url), first.header("ETag"),
                first.header("Last-Modified"), Map.of(), "test", false));
        assertEquals(304, second.status());
        var sent = server.requests("/c.xml").get(1).headers();
        assertEquals("\"v1\"", sent.get("if-none-match"));
        assertEquals("Tue, 24 Nov 2026 10:00:00 GMT", sent.get("if-modified-since"));
    }

    @Test
    void reportsAPermanentMoveAndFollowsIt() throws IOException {
        String target = server.serve("/new.xml", RSS, Fixtures.rss(""));
        String old = server.redirect("/old.xml", 301, "/new.xml");
        FetchResult result = get(old);
        assertEquals(200, result.status());
        assertEquals(URI.create(target), result.movedPermanently());
    }

    @Test
    void doesNotReportATemporaryRedirectAsAMove() throws IOException {
        server.serve("/t.xml", RSS, Fixtures.rss(""));
        String first = server.redirect("/hop1", 301, "/hop2");
        server.redirect("/hop2", 302, "/t.xml");
        assertNull(get(first).movedPermanently());
    }

    @Test
    void givesUpOnARedirectLoop() {
        String a = server.redirect("/a", 302, "/b");
        server.redirect("/b", 302, "/a");
        IOException e = assertThrows(IOException.class, () -> get(a));
        assertTrue(e.getMessage().contains("more than 5 redirects"), e.getMessage());
    }

    @Test
    void refusesARedirectToAFileUrl() {
        String url = server.redirect("/f", 302, "file:///etc/passwd");
        IOException e = assertThrows(IOException.class, () -> get(url));
        assertTrue(e.getMessage().contains("only http and https"), e.getMessage());
    }

    @Test
    void refusesAFileUrlForAFeedNotConfiguredAsAFile() {
        IOException e = assertThrows(IOException.class, () -> fetcher.get(new FetchRequest(
                URI.create("file:///etc/passwd"), null, null, Map.of(), "t", false)));
        assertTrue(e.getMessage().contains("local files"), e.getMessage());
    }

    @Test
    void readsAFeedConfiguredAsALocalFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("feed.xml"), Fixtures.rss(""));
        assertEquals(200, fetcher.get(FetchRequest.plain(file.toUri(), "t")).status());
    }

    @Test
    void cutsOffAServerDrippingOneByteAtATime() {
        String url = server.drip("/drip.xml", 100);
        IOException e = assertThrows(IOException.class, () -> get(url));
        assertTrue(e.getMessage().contains("no complete answer within 1500 ms"), e.getMessage());
    }

    @Test
    void refusesABodyOverTheCap() {
        String url = server.serve("/big.xml", RSS, new byte[100 * 1024], Map.of());
        IOException e = assertThrows(IOException.class, () -> get(url));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void stopsAGzipBombAtTheCapCountedAfterDecompression() {
        byte[] bomb = FeedFixtureServer.gzip(new byte[50 * 1024 * 1024]);
        assertTrue(bomb.length < 64 * 1024, "the bomb itself passes the wire cap");
        String url = server.serve("/bomb.xml", RSS, bomb, Map.of("Content-Encoding", "gzip"));
        IOException e = assertThrows(IOException.class, () -> get(url));
        assertTrue(e.getMessage().contains("after decompression"), e.getMessage());
    }

    @Test
    void decodesGzipAndDeflateBodies() throws IOException {
        byte[] feed = Fixtures.rss("").getBytes(StandardCharsets.UTF_8);
        String gz = server.serve("/gz.xml", RSS, FeedFixtureServer.gzip(feed), Map.of("Content-Encoding", "gzip"));
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        try (var out = new DeflaterOutputStream(zlib, new Deflater())) {
            out.write(feed);
        }
        String df = server.serve("/df.xml", RSS, zlib.toByteArray(), Map.of("Content-Encoding", "deflate"));
        assertArrayEquals(feed, get(gz).body());
        assertArrayEquals(feed, get(df).body());
        assertEquals("gzip, deflate", server.requests("/gz.xml").get(0).headers().get("accept-encoding"));
    }

    @Test
    void sendsThePerFeedHeadersAndUserAgent() throws IOException {
        String url = server.serve("/h.xml", RSS, Fixtures.rss(""));
        fetcher.get(new FetchRequest(URI.create(url), null, null, Map.of("X-Token", "abc"), "Custom/1.0", false));
        var sent = server.requests("/h.xml").get(0).headers();
        assertEquals("abc", sent.get("x-token"));
        assertEquals("Custom/1.0", sent.get("user-agent"));
    }
}
