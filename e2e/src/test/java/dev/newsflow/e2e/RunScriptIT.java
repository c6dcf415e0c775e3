package dev.newsflow.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command as a user runs it: {@code ./newsflow up} starts its own broker, the sample feed and
 * the three services; articles reach the output folder; an unreachable feed is reported and the rest go on;
 * Ctrl-C (SIGINT) stops everything and leaves no process behind.
 */
class RunScriptIT {

    private static final int SAMPLE_ARTICLES = 12;

    @TempDir
    Path work;

    @Test
    void runsThePipelineOnItsOwnBrokerAndStopsEverythingOnCtrlC() throws Exception {
        int samplePort = freePort();
        int deadPort = freePort();
        Path feeds = Files.writeString(work.resolve("feeds.yaml"), "feeds:\n"
                + "  - url: http://127.0.0.1:" + deadPort + "/unreachable.xml\n"
                + "  - url: http://127.0.0.1:" + samplePort + "/sample.xml\n");
        Path out = work.resolve("out");
        Path home = work.resolve("home");
        // As from a terminal, where Ctrl-C is never ignored: a build started in the background inherits an
        // ignored SIGINT, which a script can neither trap nor reset by itself.
        ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT", "bash", "newsflow", "up")
                .directory(Path.of("..").toAbsolutePath().normalize().toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("console.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("NEWSFLOW_"));
        builder.environment().putAll(java.util.Map.of(
                "NEWSFLOW_SKIP_BUILD", "1",
                "NEWSFLOW_HOME", home.toString(),
                "NEWSFLOW_LOCAL_KAFKA_PORT", Integer.toString(freePort()),
                "NEWSFLOW_SAMPLE_PORT", Integer.toString(samplePort),
                "NEWSFLOW_LOCAL_HTTP_PORT", Integer.toString(freePorts(4)),
                "NEWSFLOW_INGEST_FEEDS", feeds.toString(),
                "NEWSFLOW_SINK_OUTPUT_DIR", out.toString()));
        Process script = builder.start();
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ArchiveLines.of(out).size() >= SAMPLE_ARTICLES || !script.isAlive());
            assertTrue(script.isAlive(), "the runner stopped early:\n" + read(work.resolve("console.log")));
            assertEquals(SAMPLE_ARTICLES, ArchiveLines.of(out).size(), "each sample article once in " + out);
            String ingestLog = read(home.resolve("logs/ingest.log"));
            assertTrue(ingestLog.contains("Feed http://127.0.0.1:" + deadPort + "/unreachable.xml failed"), ingestLog);

            List<ProcessHandle> children = script.descendants().toList();
            assertTrue(children.size() >= 6, "broker, sample feed, three services and the monitor: " + children);
            new ProcessBuilder("kill", "-INT", Long.toString(script.pid())).start().waitFor();

            assertTrue(script.waitFor(120, TimeUnit.SECONDS), "the runner did not stop on SIGINT");
            assertEquals(130, script.exitValue());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            assertTrue(read(work.resolve("console.log")).contains("newsflow: stopped."));
        } finally {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The first of {@code count} consecutive free ports, below the range Linux hands out to connections (from
     * 32768): the script serves on the ports after the one it is given, and among those ephemeral ports another
     * test's connection took one between the check and the bind once, with two test classes at a time.
     */
    private static int freePorts(int count) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = 20_000 + ThreadLocalRandom.current().nextInt(10_000);
            if (IntStream.range(first, first + count).allMatch(RunScriptIT::isFree)) {
                return first;
            }
        }
        throw new IOException("no " + count + " consecutive free ports from 20000 to 30003");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
