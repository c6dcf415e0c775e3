package dev.newsflow.sink;

import dev.newsflow.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest N archived articles per topic and overall, and writes them as {@code feeds/<topic>.json},
 * {@code feeds/all.json} (JSON Feed 1.1) and {@code latest.json}, each replaced atomically.
 *
 * <p>The written files are the state: on start they are read back, then the archive files past the
 * position {@code all.json} records are replayed. {@code all.json} is written last, so the position it
 * records is never ahead of the other files; a replay may apply an article twice, which changes nothing.
 */
final class FeedPublisher {

    private static final Logger log = LoggerFactory.getLogger(FeedPublisher.class);
    static final String ALL = "all";

    private final Path feedsDir;
    private final Path latestFile;
    private final int size;
    private final String sourceTopic;
    private final Clock clock;
    private final LatestItems all;
    private final Map<String, LatestItems> byTopic = new HashMap<>();
    private final Map<String, String> topicLabels = new HashMap<>();
    private final Set<String> dirtyTopics = new LinkedHashSet<>();
    private final Map<Integer, Long> archivedUpTo = new TreeMap<>();
    private boolean dirty;

    FeedPublisher(Path outputDir, int size, String sourceTopic, Clock clock) {
        this.feedsDir = outputDir.resolve("feeds");
        this.latestFile = outputDir.resolve("latest.json");
        this.size = size;
        this.sourceTopic = sourceTopic;
        this.clock = clock;
        this.all = new LatestItems(size);
    }

    /**
     * Reads the feeds written before, after deleting the temporary files a crash may have left; returns the
     * archive position they reflect (empty: replay it all).
     */
    Map<Integer, Long> load() throws IOException {
        Files.deleteIfExists(latestFile.resolveSibling(latestFile.getFileName() + ArchiveFileName.TEMP_SUFFIX));
        if (!Files.isDirectory(feedsDir)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.list(feedsDir)) {
            for (Path stray : files.filter(f -> f.getFileName().toString().endsWith(ArchiveFileName.TEMP_SUFFIX))
                    .toList()) {
                Files.delete(stray);
            }
        }
        try (Stream<Path> files = Files.list(feedsDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                JsonFeed feed = Json.MAPPER.readValue(file.toFile(), JsonFeed.class);
                JsonFeed.FeedExtension ext = feed.newsflow();
                if (ext == null || feed.items() == null) {
                    continue;
                }
                LatestItems target = ext.topic() == null ? all : topic(ext.topic(), ext.topicLabel());
                feed.items().stream().map(JsonFeeds::readBack).filter(i -> i != null).forEach(target::offer);
                if (ext.topic() == null && sourceTopic.equals(ext.sourceTopic()) && ext.archivedUpTo() != null) {
                    archivedUpTo.putAll(ext.archivedUpTo());
                }
            }
        }
        log.info("feeds read back: {} topics, archive position {}", byTopic.size(), archivedUpTo);
        return Map.copyOf(archivedUpTo);
    }

    /** Takes an archived article in; an update replaces its entry everywhere and leaves topics it lost. */
    void apply(FeedItem item) {
        dirty |= all.offer(item);
        for (var entry : byTopic.entrySet()) {
            if (!item.hasTopic(entry.getKey()) && entry.getValue().remove(item.id())) {
                dirtyTopics.add(entry.getKey());
            }
        }
        for (FeedItem.TopicRef t : item.topics()) {
            if (topic(t.id(), t.label()).offer(item)) {
                dirtyTopics.add(t.id());
            }
        }
    }

    /** Records that the archive holds the partition up to {@code nextOffset}, for the replay after a restart. */
    void archived(int partition, long nextOffset) {
        archivedUpTo.merge(partition, nextOffset, Math::max);
        dirty = true;
    }

    boolean hasChanges() {
        return dirty || !dirtyTopics.isEmpty();
    }

    /** Rewrites the feeds that changed, then latest.json, then all.json with the archive position. */
    void publish() throws IOException {
        if (!hasChanges()) {
            return;
        }
        for (String topicId : List.copyOf(dirtyTopics)) {
            String label = topicLabels.getOrDefault(topicId, topicId);
            write(feedsDir.resolve(fileNameOf(topicId)), JsonFeeds.feed("Newsflow: " + label,
                    "The latest articles Newsflow tagged " + label + ".", byTopic.get(topicId).newestFirst(),
                    JsonFeeds.topicExtension(topicId, label)));
            dirtyTopics.remove(topicId);
        }
        List<FeedItem> latest = all.newestFirst();
        write(latestFile, LatestFile.of(latest, clock.instant()));
        write(feedsDir.resolve(ALL + ".json"), JsonFeeds.feed("Newsflow: all articles",
                "The latest articles of every topic.", latest,
                JsonFeeds.allExtension(sourceTopic, new LinkedHashMap<>(archivedUpTo))));
        dirty = false;
    }

    /**
     * A topic's file name: topic ids are lower-case words and hyphens by contract; anything else is folded
     * to that, so no id can name a path outside the folder, and {@code all} stays the overall feed.
     */
    static String fileNameOf(String topicId) {
        String safe = topicId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return (safe.equals(ALL) ? "topic-" + safe : safe) + ".json";
    }

    private LatestItems topic(String topicId, String label) {
        if (label != null) {
            topicLabels.putIfAbsent(topicId, label);
        }
        return byTopic.computeIfAbsent(topicId, id -> new LatestItems(size));
    }

    private static void write(Path file, Object document) throws IOException {
        DurableFiles.replaceAtomically(file, Json.MAPPER.writeValueAsBytes(document));
    }
}
