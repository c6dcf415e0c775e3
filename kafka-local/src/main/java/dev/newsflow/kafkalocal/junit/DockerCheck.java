package dev.newsflow.kafkalocal.junit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a Docker engine answers, asked once per JVM: Testcontainers' own check costs seconds when no
 * engine exists, so it is skipped outright when there is neither a DOCKER_HOST nor a local socket.
 */
final class DockerCheck {

    private static volatile Boolean answers;

    private DockerCheck() {
    }

    static boolean engineAnswers() {
        Boolean known = answers;
        if (known == null) {
            synchronized (DockerCheck.class) {
                if (answers == null) {
                    answers = ask();
                }
                known = answers;
            }
        }
        return known;
    }

    private static boolean ask() {
        String host = System.getenv("DOCKER_HOST");
        boolean socket = Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if ((host == null || host.isBlank()) && !socket) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (LinkageError e) {
            // Testcontainers is not on this test classpath.
            return false;
        }
    }
}
