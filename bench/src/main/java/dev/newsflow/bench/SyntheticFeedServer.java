package dev.newsflow.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsflow.core.ArticleId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Many RSS 2.0 feeds of made-up articles on loopback, for benchmarks and fault tests. Articles are released
 * at a set rate (or all at once) and each feed shows its latest {@code window} released items, as real
 * feeds do; an unchanged feed answers 304 to a matching {@code If-None-Match}. Each feed writes in one
 * language, the plan's languages dealt over the feeds in turn, as a news site does.
 */
public final class SyntheticFeedServer implements AutoCloseable {

    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Instant PUBLISHED = Instant.parse("2026-11-20T08:00:00Z");

    /**
     * The shape of the made-up news.
     *
     * @param declareLanguage whether a feed names its language in {@code <language>}, as most sites' feeds
     *                        do; when not, enrich has to detect each article's
     * @param html            whether each item's description is HTML (paragraphs, a link, emphasis), as
     *                        most sites' are, rather than plain text: ingest then parses and sanitises it
     */
    public record Plan(int feeds, int articlesPerFeed, int articleBytes, List<String> languages,
                       double releasePerSecond, int window, boolean declareLanguage, boolean html) {

        /** Items in plain text. */
        public Plan(int feeds, int articlesPerFeed, int articleBytes, List<String> languages,
                    double releasePerSecond, int window, boolean declareLanguage) {
            this(feeds, articlesPerFeed, articleBytes, languages, releasePerSecond, window, declareLanguage, false);
        }

        public int articles() {
            return feeds * articlesPerFeed;
        }
    }

    private final Plan plan;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);
    /** Where the made-up articles live: two servers with different sites never share an article. */
    private final String site;
    /** When releasing began; {@link Long#MAX_VALUE} while {@link #hold() held}. */
    private volatile long startNanos = System.nanoTime();
    /**
     * The items {@link #hold()} rendered ahead, so that the server is not what the benchmark measures. A server
     * that was never held renders each item as it is asked for and keeps none: the 200,000 items of a warm-up,
     * kept, took over a gigabyte, and with HTML more than the harness's heap, where each of its feeds is read
     * whole once and then answers 304.
     */
    private final Map<Long, String> items = new ConcurrentHashMap<>();
    /**
     * The items each feed has shown in a full response. A feed that gets new items faster than it is polled
     * scrolls some out of its window unseen: those were never served, so no pipeline could deliver them.
     */
    private final BitSet[] served;

    public SyntheticFeedServer(Plan plan) {
        this(plan, "synthetic.newsflow.dev");
    }

    public SyntheticFeedServer(Plan plan, String site) {
        this.plan = plan;
        this.served = new BitSet[plan.feeds()];
        for (int f = 0; f < plan.feeds(); f++) {
            served[f] = new BitSet(plan.articlesPerFeed());
        }
        this.site = site;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/feeds/", this::serve);
        server.start();
    }

    public List<String> feedUrls() {
        List<String> urls = new ArrayList<>(plan.feeds());
        for (int f = 0; f < plan.feeds(); f++) {
            urls.add("http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/" + f + ".xml");
        }
        return urls;
    }

    /** The YAML feed list for ingest, every feed polled at {@code interval} (such as {@code 1s}). */
    public String feedListYaml(String interval) {
        StringBuilder yaml = new StringBuilder("feeds:\n");
        for (String url : feedUrls()) {
            yaml.append("  - url: ").append(url).append("\n    interval: ").append(interval).append('\n');
        }
        return yaml.toString();
    }

    /** Every article version the server will have released once the plan has run, for the checker. */
    public Set<String> plannedKeys() {
        Set<String> keys = new HashSet<>();
        for (int f = 0; f < plan.feeds(); f++) {
            for (int i = 0; i < plan.articlesPerFeed(); i++) {
                keys.add(key(f, i));
            }
        }
        return keys;
    }

    /** The checker's keys of the planned articles some response has shown so far. */
    public Set<String> servedKeys() {
        Set<String> keys = new HashSet<>();
        for (int f = 0; f < plan.feeds(); f++) {
            synchronized (served[f]) {
                for (int i = served[f].nextSetBit(0); i >= 0; i = served[f].nextSetBit(i + 1)) {
                    keys.add(key(f, i));
                }
            }
        }
        return keys;
    }

    private String key(int feed, int item) {
        return DeliveryChecker.key(ArticleId.ofUrl(articleUrl(feed, item)), 1);
    }

    /**
     * Releases nothing until {@link #release()}: call before anyone polls. Renders every planned item
     * meanwhile, so that what is measured after the release does not include making the news up.
     */
    public void hold() {
        startNanos = Long.MAX_VALUE;
        for (int f = 0; f < plan.feeds(); f++) {
            for (int i = 0; i < plan.articlesPerFeed(); i++) {
                items.put(itemKey(f, i), item(f, i));
            }
        }
    }

    /** Starts releasing the plan's articles (all at once, or at its rate from now). */
    public void release() {
        startNanos = System.nanoTime();
    }

    /** How many articles of one feed are out now. */
    int released(int feed) {
        long start = startNanos;
        if (start == Long.MAX_VALUE) {
            return 0;
        }
        if (plan.releasePerSecond() <= 0) {
            return plan.articlesPerFeed();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = (long) (seconds * plan.releasePerSecond());
        // Articles are dealt round-robin over the feeds, so feed f gets every feeds-th one.
        long mine = total / plan.feeds() + (total % plan.feeds() > feed ? 1 : 0);
        return (int) Math.min(plan.articlesPerFeed(), mine);
    }

    private String articleUrl(int feed, int item) {
        return "https://" + site + "/" + feed + "/" + item;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/feeds/".length());
            int feed;
            try {
                feed = Integer.parseInt(name.replace(".xml", ""));
            } catch (NumberFormatException e) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (feed < 0 || feed >= plan.feeds()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int released = released(feed);
            String etag = "\"" + feed + "-" + released + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = rss(feed, released).getBytes(StandardCharsets.UTF_8);
            synchronized (served[feed]) {
                served[feed].set(Math.max(0, released - plan.window()), released);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private String rss(int feed, int released) {
        StringBuilder xml = new StringBuilder(64 + Math.min(released, plan.window()) * (plan.articleBytes() + 400));
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Synthetic feed ")
                .append(feed).append("</title><link>https://").append(site).append('/').append(feed)
                .append("</link><description>made-up news</description>\n");
        if (plan.declareLanguage()) {
            xml.append("<language>").append(language(feed)).append("</language>\n");
        }
        for (int i = released - 1; i >= Math.max(0, released - plan.window()); i--) {
            xml.append(rendered(feed, i));
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private String rendered(int feed, int i) {
        String held = items.get(itemKey(feed, i));
        return held != null ? held : item(feed, i);
    }

    /** One number per item of the plan, also the seed its text is made from. */
    private static long itemKey(int feed, int i) {
        return (long) feed * 1_000_003L + i;
    }

    private String item(int feed, int i) {
        long seed = itemKey(feed, i);
        String language = language(feed);
        return "<item><title>" + escape(SyntheticArticles.title(language, seed)) + "</title><link>"
                + articleUrl(feed, i) + "</link><guid>" + articleUrl(feed, i) + "</guid><pubDate>"
                + RFC_822.format(PUBLISHED.plusSeconds(i)) + "</pubDate><description>"
                + escape(plan.html() ? SyntheticArticles.html(language, plan.articleBytes(), seed)
                        : SyntheticArticles.text(language, plan.articleBytes(), seed)) + "</description></item>\n";
    }

    private String language(int feed) {
        return plan.languages().get(feed % plan.languages().size());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
