package dev.newsflow.kafkalocal.junit;

import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.LocalKafka;
import dev.newsflow.kafkalocal.TempDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Starts one broker per test class on first use and stops it after the class; see {@link KafkaBroker}
 * for which broker a test gets. A child broker's folder is removed after the class, unless one of its
 * tests failed: then it is kept, with the broker's log, and its path printed.
 */
public final class KafkaBrokerExtension implements ParameterResolver, TestWatcher {

    /** When set, every test uses this cluster instead of starting one. */
    public static final String BOOTSTRAP_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBroker.class);
    private static final String LOCAL = "local";
    private static final String ANY = "cluster";

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
