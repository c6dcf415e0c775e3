package dev.newsflow.ingest;

import dev.newsflow.core.Json;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.ops.DaemonThreads;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code ingest.jar parse <url-or-file>}: fetches and parses one feed under the service's limits and
 * prints the raw articles it would publish as JSON Lines, with no Kafka. A feed it cannot read gives one
 * line on stderr saying what was wrong, and exit status 1.
 */
final class ParseCommand {

    static final int OK = 0;
    static final int BAD_FEED = 1;
    static final int USAGE = 2;

    private ParseCommand() {
    }

    static int run(String target, PrintStream out, PrintStream err) {
        if (target == null || target.isBlank()) {
            err.println("usage: java -jar ingest.jar parse <url-or-file>");
            return USAGE;
        }
        FetchLimits limits = new FetchLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 10L << 20,
                FetchLimits.MAX_REDIRECTS);
        ExecutorService http = Executors.newFixedThreadPool(1, DaemonThreads.named("parse-http"));
        try {
            URI uri = toUri(target);
            FetchResult result = new FeedFetcher(limits, http).get(FetchRequest.plain(uri, IngestConfig.DEFAULT_USER_AGENT));
            if (result.status() != 200) {
                err.println("ingest parse: " + target + ": HTTP " + result.status());
                return BAD_FEED;
            }
            ParsedFeed feed = new FeedParser(Clock.systemUTC()).parse(result.body(), result.header("Content-Type"),
                    uri.toString(), result.finalUri().toString(), null);
            var writer = new PrintStream(out, false, StandardCharsets.UTF_8);
            for (RawArticle article : feed.articles()) {
                writer.println(Json.MAPPER.writeValueAsString(article));
            }
            writer.flush();
            return OK;
        } catch (IOException | IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("ingest parse: " + (message.contains(target) ? message : target + ": " + message));
            return BAD_FEED;
        } finally {
            http.shutdownNow();
        }
    }

    /** A path that exists, or a bare path, is a local file; anything with a scheme is a URL. */
    private static URI toUri(String target) {
        Path path = null;
        try {
            path = Path.of(target);
        } catch (RuntimeException e) {
            // not a path
        }
        if (path != null && Files.exists(path)) {
            return path.toAbsolutePath().toUri();
        }
        if (!target.contains("://") && !target.startsWith("file:")) {
            throw new IllegalArgumentException("no such file");
        }
        return URI.create(target);
    }
}
