package dev.newsflow.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the feed list: a YAML file, or an OPML file (what feed readers export), chosen by extension
 * ({@code .opml}) or by content. YAML:
 * <pre>
 * feeds:
 *   - url: https://www.simseo.fr/feed/
 *     name: Simseo
 *     interval: 15m          # optional
 *     language: fr           # optional hint
 *     enabled: true          # optional
 *     userAgent: MyBot/1.0   # optional
 *     headers: {X-Token: a}  # optional
 *     fullText: false        # optional
 * </pre>
 * A bad entry is reported with its line and reason, and the good entries still run. Disabled entries
 * are dropped silently.
 */
public final class FeedList {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<FeedSource> feeds;
    private final List<String> problems;

    FeedList(List<FeedSource> feeds, List<String> problems) {
        this.feeds = List.copyOf(feeds);
        this.problems = List.copyOf(problems);
    }

    /** The enabled, valid feeds. */
    public List<FeedSource> feeds() {
        return feeds;
    }

    /** One line per entry that was skipped: file, line, url and what was wrong. */
    public List<String> problems() {
        return problems;
    }

    /** @throws IOException when the file cannot be read or holds no feed list at all */
    public static FeedList load(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String head = new String(bytes, 0, Math.min(bytes.length, 512), java.nio.charset.StandardCharsets.UTF_8);
        if (name.endsWith(".opml") || head.contains("<opml")) {
            return OpmlFeedList.parse(bytes, file.toString());
        }
        return parseYaml(bytes, file.toString());
    }

    static FeedList parseYaml(byte[] bytes, String where) throws IOException {
        List<FeedSource> feeds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(where + ": expected a 'feeds:' list");
            }
            boolean found = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("feeds") || value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                found = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    int line = parser.currentLocation().getLineNr();
                    JsonNode entry = YAML.readTree(parser);
                    accept(entry, where + ":" + line, feeds, problems);
                }
            }
            if (!found) {
                throw new IOException(where + ": expected a 'feeds:' list");
            }
        }
        return new FeedList(feeds, problems);
    }

    private static void accept(JsonNode node, String where, List<FeedSource> feeds, List<String> problems) {
        if (!node.isObject()) {
            problems.add(where + ": entry must be a map with at least a url");
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        node.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        var entry = new FeedEntryReader.Entry(text(node, "url"), text(node, "name"), text(node, "interval"),
                text(node, "language"), text(node, "enabled"), headers, text(node, "userAgent"),
                text(node, "fullText"));
        add(entry, where, feeds, problems);
    }

    static void add(FeedEntryReader.Entry entry, String where, List<FeedSource> feeds, List<String> problems) {
        try {
            FeedSource feed = FeedEntryReader.read(entry);
            if (feed.enabled()) {
                feeds.add(feed);
            }
        } catch (IllegalArgumentException e) {
            String url = entry.url() == null ? "" : " (" + entry.url().strip() + ")";
            problems.add(where + url + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
