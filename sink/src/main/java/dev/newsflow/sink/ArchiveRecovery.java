package dev.newsflow.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the archive's state from its file names alone, as the HDFS and S3 sink connectors do: where each
 * partition resumes, and which rolls a crash interrupted. Only files of one topic are considered.
 */
final class ArchiveRecovery {

    private static final Logger log = LoggerFactory.getLogger(ArchiveRecovery.class);

    private final Path articlesDir;
    private final String topic;

    ArchiveRecovery(Path articlesDir, String topic) {
        this.articlesDir = articlesDir;
        this.topic = topic;
    }

    /** A final file on disk and the range its name records. */
    record ArchiveFile(Path path, ArchiveFileName name) {
    }

    /**
     * Finishes what a crash interrupted: a roll with at least one final file had all its temporary files
     * forced before the first rename, so its remaining temporary files are renamed; any other temporary
     * file may be partial and is deleted (its records were never committed and are read again).
     */
    void recover() throws IOException {
        List<ArchiveFileName.Parsed> seen = new ArrayList<>();
        Map<ArchiveFileName, List<Path>> temps = new HashMap<>();
        Set<ArchiveFileName> finals = new HashSet<>();
        for (Path file : files()) {
            ArchiveFileName.parse(file.getFileName().toString()).ifPresent(parsed -> {
                seen.add(parsed);
                if (parsed.temporary()) {
                    temps.computeIfAbsent(parsed.name(), n -> new ArrayList<>()).add(file);
                } else {
                    finals.add(parsed.name());
                }
            });
        }
        for (var entry : temps.entrySet()) {
            for (Path temp : entry.getValue()) {
                if (finals.contains(entry.getKey())) {
                    DurableFiles.renameAtomically(temp, temp.resolveSibling(entry.getKey().finalName()));
                    log.warn("completed an interrupted roll: {} is now final", entry.getKey().finalName());
                } else {
                    Files.delete(temp);
                    log.info("deleted the stray temporary file {}", temp);
                }
                DurableFiles.forceFolder(temp.getParent());
            }
        }
        log.debug("archive checked: {} files of {}", seen.size(), topic);
    }

    /** The offset after the last archived record, per partition that has any final file. */
    Map<TopicPartition, Long> nextOffsets() throws IOException {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ArchiveFile file : finalFiles()) {
            next.merge(new TopicPartition(topic, file.name().partition()), file.name().nextOffset(), Math::max);
        }
        return next;
    }

    /** Final files holding offsets at or after {@code from} of their partition, in offset order per partition. */
    List<ArchiveFile> filesFrom(Map<TopicPartition, Long> from) throws IOException {
        return finalFiles().stream()
                .filter(f -> f.name().lastOffset()
                        >= from.getOrDefault(new TopicPartition(topic, f.name().partition()), 0L))
                .sorted(Comparator.comparingInt((ArchiveFile f) -> f.name().partition())
                        .thenComparingLong(f -> f.name().firstOffset()))
                .toList();
    }

    private List<ArchiveFile> finalFiles() throws IOException {
        List<ArchiveFile> out = new ArrayList<>();
        for (Path file : files()) {
            ArchiveFileName.parse(file.getFileName().toString())
                    .filter(parsed -> !parsed.temporary())
                    .ifPresent(parsed -> out.add(new ArchiveFile(file, parsed.name())));
        }
        return out;
    }

    /** Every file of this topic in the date folders; none when the archive does not exist yet. */
    private List<Path> files() throws IOException {
        if (Files.notExists(articlesDir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> folders = Files.list(articlesDir)) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().startsWith("date=")).toList()) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(f -> f.getFileName().toString().startsWith(topic + "+")).forEach(out::add);
                }
            }
        }
        return out;
    }
}
