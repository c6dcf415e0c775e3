package dev.newsflow.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the output folder back in order before the sink consumes: finishes or discards interrupted rolls,
 * then rebuilds the feeds from the feed files plus the archive files written after them.
 *
 * <p>Why from the files and not from the topic: the archive is what the feeds promise to reflect (only
 * final lines reach them), it is on the same disk, and the topic may have deleted old records by
 * retention. Reading the feed files back bounds the work to N per feed plus the last rolls, however large
 * the archive grows; with no feed files the whole archive is replayed once.
 */
final class OutputRecovery {

    private static final Logger log = LoggerFactory.getLogger(OutputRecovery.class);

    private final ArchiveRecovery archive;
    private final FeedPublisher feeds;
    private final String topic;

    OutputRecovery(ArchiveRecovery archive, FeedPublisher feeds, String topic) {
        this.archive = archive;
        this.feeds = feeds;
        this.topic = topic;
    }

    void prepare() throws IOException {
        archive.recover();
        Map<TopicPartition, Long> feedsUpTo = new HashMap<>();
        feeds.load().forEach((p, offset) -> feedsUpTo.put(new TopicPartition(topic, p), offset));
        int replayed = 0;
        for (ArchiveRecovery.ArchiveFile file : archive.filesFrom(feedsUpTo)) {
            replay(file);
            replayed++;
        }
        archive.nextOffsets().forEach((tp, next) -> feeds.archived(tp.partition(), next));
        feeds.publish();
        log.info("output ready: {} archive files replayed into the feeds", replayed);
    }

    private void replay(ArchiveRecovery.ArchiveFile file) throws IOException {
        for (String line : Files.readAllLines(file.path(), StandardCharsets.UTF_8)) {
            try {
                feeds.apply(FeedItem.fromEnrichedJson(line.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                log.warn("skipping a line of {} the feeds cannot read: {}", file.path(), e.getMessage());
            }
        }
    }
}
