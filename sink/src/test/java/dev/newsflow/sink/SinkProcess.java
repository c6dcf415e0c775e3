package dev.newsflow.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The sink as a deployment runs it: {@code target/sink.jar} in a child JVM configured by environment
 * variables, so a test can let it die at a failpoint (or kill it) and start it again.
 */
final class SinkProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private SinkProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static SinkProcess start(Map<String, String> env, Path log) {
        Path jar = Path.of("target", "sink.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the package phase builds it before the *IT tests");
        }
        // Its own temporary folder beside the log: the sink halts at a failpoint, and the lz4 codec's unpacked
        // native library is removed only on a clean exit.
        Path tmp = log.resolveSibling("sink-tmp");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp,
                "-jar", jar.toString());
        try {
            Files.createDirectories(tmp);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new SinkProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sink", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush; waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as an orchestrator stops it; returns the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the sink did not stop within 60 s of SIGTERM:\n" + logText());
        }
        return process.exitValue();
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
