package dev.newsflow.kafkalocal;

import java.io.IOException;
import java.io.InputStream;

/**
 * The child JVM's entry point: runs Kafka's own {@code kafka.Kafka} server, and exits when its parent goes
 * away (its stdin closes), so a parent killed with -9 never leaves a broker running on its ports.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        exitWhenParentGoes();
        kafka.Kafka.main(args);
    }

    /** Watches stdin on a daemon thread, and exits the JVM cleanly when it closes. */
    static void exitWhenParentGoes() {
        Thread watchdog = new Thread(BrokerMain::awaitParentGone, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void awaitParentGone() {
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // The parent never writes; EOF is the only signal.
            }
        } catch (IOException e) {
            // A broken pipe means the same as EOF.
        }
        // A clean stop: Kafka's shutdown hook closes the logs.
        System.exit(0);
    }
}
