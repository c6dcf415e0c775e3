package dev.newsflow.kafkalocal.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.newsflow.kafkalocal.LocalKafka;
import dev.newsflow.kafkalocal.TempDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs a test class that uses a child broker, once failing and once passing, and looks at what is left
 * of the broker's folder and what the failure says: a failed fault test's broker log is what explains it.
 */
class KafkaBrokerExtensionIT {

    @Test
    void keepsTheBrokersFolderAndLogWhenATestOfTheClassFailedAndShowsTheLogsWarningsInTheFailure()
            throws Exception {
        EngineExecutionResults results = run(FailsOnce.class);

        assertEquals(1, results.testEvents().failed().count());
        assertEquals(1, results.testEvents().succeeded().count());
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        // A new broker's own first warning: its metadata log was empty.
        assertTrue(Arrays.stream(failure.getSuppressed()).anyMatch(s -> s.getMessage()
                        .contains("WARN [QuorumController id=1] Performing controller activation")),
                "the failure carries the broker's warnings: " + Arrays.toString(failure.getSuppressed()));
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
