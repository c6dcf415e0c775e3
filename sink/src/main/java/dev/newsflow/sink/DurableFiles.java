package dev.newsflow.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The file operations a crash-safe writer is built from: write and force a file, force a folder (so a
 * rename or a new entry survives a power cut, not only a killed process), rename atomically.
 */
final class DurableFiles {

    private DurableFiles() {
    }

    /** Writes {@code bytes} to {@code file}, replacing what it held; forced to disk only when {@code force}. */
    static void write(Path file, byte[] bytes, boolean force) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (force) {
                channel.force(true);
            }
        }
    }

    /**
     * Writes each line and a line end through one small buffer, so that a roll never holds a copy of its
     * file: the buffered records are the only copy.
     */
    static void writeLines(Path file, List<byte[]> lines) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), 1 << 16)) {
            for (byte[] line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
    }

    static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Forces a folder's entries (new names, renames) to disk; opening a folder this way works on Linux. */
    static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    static void renameAtomically(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Replaces {@code file} with {@code bytes} so that a reader sees the old or the new content, never a part:
     * temporary file, force, atomic rename, force the folder.
     */
    static void replaceAtomically(Path file, byte[] bytes) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve(file.getFileName() + ArchiveFileName.TEMP_SUFFIX);
        try {
            write(temp, bytes, true);
            renameAtomically(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceFolder(folder);
    }
}
