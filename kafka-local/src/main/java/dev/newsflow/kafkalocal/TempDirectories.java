package dev.newsflow.kafkalocal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes the temporary folders a local broker and the services around it wrote into: a broker's data
 * after a run of tens of thousands of articles is gigabytes, which the next runs must not inherit.
 */
public final class TempDirectories {

    private TempDirectories() {
    }

    /** Deletes the folder and all it holds; nothing when it is already gone. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
