package dev.newsflow.core.ops;

import org.slf4j.LoggerFactory;

/**
 * Makes an exception that escapes a service's main thread end the process with status 1. Without it the
 * threads of the HTTP server and the broker probe, started first, keep alive a JVM that does no work: an
 * enrich given another instance's state directory did just that, and looked alive to whatever ran it.
 */
public final class ExitOnStartFailure {

    private ExitOnStartFailure() {
    }

    /** Call first thing in {@code main}. */
    public static void install(String service) {
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> {
            LoggerFactory.getLogger(ExitOnStartFailure.class).error("{} cannot go on", service, failure);
            System.exit(1);
        });
    }
}
