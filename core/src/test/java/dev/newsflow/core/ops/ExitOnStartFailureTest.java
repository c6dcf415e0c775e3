package dev.newsflow.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A service whose main thread fails after starting a server thread: the process must end, not linger. */
class ExitOnStartFailureTest {

    /** Starts a non-daemon thread, as the HTTP server does, then fails as a start-up step can. */
    public static void main(String[] args) {
        ExitOnStartFailure.install("test-service");
        Thread server = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "server");
        server.start();
        throw new IllegalStateException("state directory locked by another process");
    }

    @Test
    void aFailureInMainEndsTheProcessDespiteItsOtherThreads() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ExitOnStartFailureTest.class.getName()).redirectErrorStream(true).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertTrue(ended, "the process lingered:\n" + output);
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains("test-service cannot go on"), output);
    }
}
