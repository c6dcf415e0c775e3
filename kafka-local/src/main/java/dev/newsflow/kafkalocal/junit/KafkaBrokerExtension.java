package dev.newsflow.kafkalocal.junit;

import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.LocalKafka;
import dev.newsflow.kafkalocal.TempDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Starts one broker per test class on first use and stops it after the class; see {@link KafkaBroker}
 * for which broker a test gets. A child broker's folder is removed after the class, unless one of its
 * tests failed: then it is kept, with the broker's log, and its path printed; and the failure carries the
 * log's last warnings and errors, since a build server shows the failure and keeps no folder.
 */
public final class KafkaBrokerExtension implements ParameterResolver, TestWatcher, TestExecutionExceptionHandler {

    /** When set, every test uses this cluster instead of starting one. */
    public static final String BOOTSTRAP_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBroker.class);
    private static final String LOCAL = "local";
    private static final String ANY = "cluster";
    private static final int WARNINGS_SHOWN = 20;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaCluster.class || type == LocalKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        if (parameter.getParameter().getType() == LocalKafka.class) {
            return store.getOrComputeIfAbsent(LOCAL, k -> new Resource(childBroker()), Resource.class).cluster;
        }
        return store.getOrComputeIfAbsent(ANY, k -> new Resource(anyBroker()), Resource.class).cluster;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        // The broker's log is what explains a fault test's failure, and it is inside the folder.
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        for (String key : new String[] {LOCAL, ANY}) {
            Resource resource = store.get(key, Resource.class);
            if (resource != null) {
                resource.keepFolderFor(context.getRequiredTestClass().getName());
            }
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        for (String key : new String[] {LOCAL, ANY}) {
            Resource resource = store.get(key, Resource.class);
            if (resource != null && resource.cluster instanceof LocalKafka local) {
                List<String> warnings = warnings(local);
                if (!warnings.isEmpty()) {
                    thrown.addSuppressed(new BrokerWarnings(String.join("\n", warnings)));
                }
            }
        }
        throw thrown;
    }

    /** The last warnings and errors in a child broker's log, oldest first. */
    private static List<String> warnings(LocalKafka local) {
        try (var lines = Files.lines(local.logFile(), StandardCharsets.UTF_8)) {
            List<String> found = lines.filter(line -> line.contains("] WARN ") || line.contains("] ERROR ")).toList();
            return found.subList(Math.max(0, found.size() - WARNINGS_SHOWN), found.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(the broker's log could not be read: " + e.getMessage() + ")");
        }
    }

    /** Carries the broker's warnings into a failure's report; it has no stack of its own. */
    private static final class BrokerWarnings extends Exception {
        BrokerWarnings(String lines) {
            super("the broker's last warnings and errors:\n" + lines, null, false, false);
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestClass().isPresent() && c.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
            c = c.getParent().orElseThrow();
        }
        return c;
    }

    private static KafkaCluster anyBroker() {
        String given = System.getenv(BOOTSTRAP_VARIABLE);
        if (given != null && !given.isBlank()) {
            return given::strip;
        }
        if (DockerCheck.engineAnswers()) {
            return ContainerBroker.start();
        }
        return childBroker();
    }

    private static LocalKafka childBroker() {
        try {
            return LocalKafka.start(Files.createTempDirectory("newsflow-kafka-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the broker when the class is done, and removes a child broker's data unless a test failed. */
    private static final class Resource implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final KafkaCluster cluster;
        private volatile String failedClass;

        Resource(KafkaCluster cluster) {
            this.cluster = cluster;
        }

        void keepFolderFor(String testClass) {
            failedClass = testClass;
        }

        @Override
        public void close() throws IOException {
            if (cluster instanceof LocalKafka local) {
                local.stop();
                if (failedClass == null) {
                    TempDirectories.delete(local.dataDir());
                } else {
                    System.err.println("A test of " + failedClass + " failed; its broker's folder is kept: "
                            + local.dataDir() + " (log: " + local.logFile() + ")");
                }
            } else if (cluster instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        }
    }
}
