package dev.newsflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Newsflow service run from its own runnable jar in a child JVM, configured only through environment
 * variables, as a deployment runs it. Its output goes to a log file for the test's failure message.
 */
public final class ServiceProcess implements AutoCloseable {

    /** A JVM that ran its shutdown hooks after SIGTERM exits with 128 + 15. */
    public static final int EXIT_ON_SIGTERM = 143;

    private final String name;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code <root>/<module>/target/<module>.jar} with {@code env} added to this JVM's environment.
     *
     * @param root the repository's root folder
     */
    public static ServiceProcess start(Path root, String module, Map<String, String> env, Path logDir, String... args) {
        return start(root, module, module, env, logDir, args);
    }

    /** The same, for one of several instances of a service, named and logged apart ({@code enrich-2}). */
    public static ServiceProcess start(Path root, String module, String instance, Map<String, String> env, Path logDir,
                                       String... args) {
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the build (mvn verify) from the root");
        }
        // The service's own temporary folder, beside its log: the lz4 codec (and in enrich, RocksDB: 15 MB) unpacks
        // a native library into it on every start, which only a clean exit removes, and the fault tests kill
        // services with -9.
        Path tmp = logDir.resolve(instance + "-tmp");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap(module), "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path log = logDir.resolve(instance + ".log");
        try {
            Files.createDirectories(tmp);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new ServiceProcess(instance, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
    }

    public String name() {
        return name;
    }

    /**
     * The heap {@code ./newsflow up} gives the service. Enrich's is larger: its language detector's models
     * take 120 MB of it, and in 256 MB enrich collected its whole heap every few seconds under load.
     */
    private static String heap(String module) {
        return module.equals("enrich") ? "384m" : "256m";
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the service with SIGTERM, as an orchestrator would, and returns its exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(name + " did not stop within 60 s of SIGTERM:\n" + logText());
        }
        return process.exitValue();
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The process, for reading its CPU time and memory, or for signalling it. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Sends a signal by name (STOP, CONT), as an operator's {@code kill -STOP} would. */
    public void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed with " + exit);
        }
    }

    /** Kills the service at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
