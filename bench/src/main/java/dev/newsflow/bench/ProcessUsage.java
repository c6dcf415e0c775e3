package dev.newsflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and peak memory of a process, read from Linux's /proc: {@code stat} fields 14 and 15 (user and
 * system time in clock ticks) and {@code status}'s VmHWM (the resident set's high-water mark).
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
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
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
}
