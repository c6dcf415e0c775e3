package dev.newsflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsflow.core.config.Durations;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the feed list, a YAML file:
 * <pre>
 * feeds:
 *   - url: https://www.simseo.fr/feed/
 *     name: Simseo
 *     interval: 15m     # optional
 *     language: fr      # optional hint
 * </pre>
 * A bad entry is reported with its position and reason, and the good entries still run.
 */
public final class FeedList {

    private final List<FeedSource> feeds;
    private final List<String> problems;

    private FeedList(List<FeedSource> feeds, List<String> problems) {
        this.feeds = List.copyOf(feeds);
        this.problems = List.copyOf(problems);
    }

    public List<FeedSource> feeds() {
        return feeds;
    }

    /** One line per entry that was skipped, naming the file, the entry and what was wrong. */
    public List<String> problems() {
        return problems;
    }

    /** @throws IOException when the file cannot be read or is not a YAML map with a feeds list */
    public static FeedList load(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
        if (root == null || !root.path("feeds").isArray()) {
            throw new IOException(file + ": expected a 'feeds:' list");
        }
        List<FeedSource> feeds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root.path("feeds")) {
            index++;
            String where = file + ": feed #" + index;
            String url = entry.path("url").asText("").strip();
            try {
                URI uri = URI.create(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    problems.add(where + ": url '" + url + "' must be an http or https URL");
                    continue;
                }
            } catch (IllegalArgumentException e) {
                problems.add(where + ": url '" + url + "' is not a valid URL");
                continue;
            }
            Duration interval = null;
            if (entry.hasNonNull("interval")) {
                try {
                    interval = Durations.parse(entry.get("interval").asText());
                } catch (IllegalArgumentException e) {
                    problems.add(where + " (" + url + "): interval '" + entry.get("interval").asText() + "' "
                            + e.getMessage());
                    continue;
                }
            }
            String name = entry.path("name").asText(url);
            String language = entry.hasNonNull("language") ? entry.get("language").asText().toLowerCase(Locale.ROOT) : null;
            feeds.add(new FeedSource(url, name, interval, language));
        }
        return new FeedList(feeds, problems);
    }
}
