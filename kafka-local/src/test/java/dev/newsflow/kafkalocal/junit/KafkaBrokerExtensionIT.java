package dev.newsflow.kafkalocal.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.newsflow.kafkalocal.LocalKafka;
import dev.newsflow.kafkalocal.TempDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs a test class that uses a child broker, once failing and once passing, and looks at what is left
 * of the broker's folder: a failed fault test's broker log is what explains it.
 */
class KafkaBrokerExtensionIT {

    @Test
    void keepsTheBrokersFolderAndLogWhenATestOfTheClassFailed() throws Exception {
        EngineExecutionResults results = run(FailsOnce.class);

        assertEquals(1, results.testEvents().failed().count());
        assertEquals(1, results.testEvents().succeeded().count());
        try {
            assertTrue(Files.isDirectory(FailsOnce.folder), "kept: " + FailsOnce.folder);
            assertTrue(Files.readString(FailsOnce.log).contains("Kafka Server started"),
                    "the kept log is the broker's own: " + FailsOnce.log);
        } finally {
            TempDirectories.delete(FailsOnce.folder);
        }
    }

    @Test
    void removesTheBrokersFolderWhenEveryTestOfTheClassPassed() {
        EngineExecutionResults results = run(Passes.class);

        assertEquals(1, results.testEvents().succeeded().count());
        assertEquals(0, results.testEvents().failed().count());
        assertFalse(Files.exists(Passes.folder), "removed: " + Passes.folder);
    }

    private static EngineExecutionResults run(Class<?> testClass) {
        // The classes below are @Disabled so that no other runner picks them up; this run lifts that.
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
                .selectors(selectClass(testClass))
                .execute();
    }

    @KafkaBroker
    @Disabled("run by KafkaBrokerExtensionIT")
    static class FailsOnce {
        static Path folder;
        static Path log;

        @Test
        void passes(LocalKafka kafka) {
            folder = kafka.dataDir();
            log = kafka.logFile();
        }

        @Test
        void fails(LocalKafka kafka) {
            throw new AssertionError("failing on purpose, with the broker on " + kafka.bootstrapServers());
        }
    }

    @KafkaBroker
    @Disabled("run by KafkaBrokerExtensionIT")
    static class Passes {
        static Path folder;

        @Test
        void passes(LocalKafka kafka) {
            folder = kafka.dataDir();
        }
    }
}
