package dev.newsflow.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * CPU time and peak memory of a process, read from Linux's /proc: {@code stat} fields 14 and 15 (user and
 * system time in clock ticks), per process or per thread, and {@code status}'s VmHWM (the resident set's
 * high-water mark).
 */
final class ProcessUsage {

    /** The kernel's clock tick on Linux x86-64 and arm64 alike. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessUsage() {
    }

    record Sample(double cpuSeconds, long peakRssBytes) {
    }

    /** @return null when the process is gone or this is not Linux */
    static Sample sample(long pid) {
        try {
            double cpu = cpuSeconds(Path.of("/proc", Long.toString(pid), "stat"));
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peak = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return new Sample(cpu, peak);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** CPU seconds of the process's threads whose name ({@code comm}) matches; 0 when it is gone. */
    static double threadsCpuSeconds(long pid, Pattern name) {
        double cpu = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                try {
                    if (name.matcher(Files.readString(thread.resolve("comm")).strip()).matches()) {
                        cpu += cpuSeconds(thread.resolve("stat"));
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended while being read.
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return cpu;
    }

    /** User and system time from a {@code stat} file of /proc. */
    private static double cpuSeconds(Path stat) throws IOException {
        String line = Files.readString(stat);
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
