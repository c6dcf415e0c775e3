package dev.newsflow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.ConfigSource;
import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.ingest.IngestConfig;
import dev.newsflow.monitor.MonitorConfig;
import dev.newsflow.sink.SinkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps the deployment from drifting away from the code without a Docker engine: every variable that
 * docker-compose.yml or a Dockerfile sets is one the service reads, every port agrees, every service has
 * a health check, and each image runs its own jar.
 */
class DeploymentTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Map<String, Consumer<ConfigReader>> CONFIGS = Map.of(
            "ingest", IngestConfig::read,
            "enrich", EnrichConfig::read,
            "sink", SinkConfig::read,
            "monitor", MonitorConfig::read);

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "sink", "monitor"})
    void composeAndDockerfileSetOnlySettingsTheServiceReadsAndAgreeOnItsPort(String name) throws IOException {
        Map<String, Object> service = composeService(name);
        Dockerfile dockerfile = Dockerfile.read(ROOT.resolve(name).resolve("Dockerfile"));
        Set<String> understood = keysRead(name);

        Map<String, String> env = new LinkedHashMap<>(dockerfile.env());
        env.putAll(environment(service));
        List<String> unknown = new ArrayList<>();
        for (String variable : env.keySet()) {
            if (!understood.contains(variable) && understood.stream()
                    .noneMatch(k -> k.endsWith("_*") && variable.startsWith(k.substring(0, k.length() - 1)))) {
                unknown.add(variable);
            }
        }
        assertTrue(unknown.isEmpty(), name + " is given variables it never reads: " + unknown
                + "; it reads " + understood);

        String port = env.get("NEWSFLOW_HTTP_PORT");
        assertTrue(port != null, name + " must set NEWSFLOW_HTTP_PORT");
        assertEquals(List.of(port), dockerfile.exposed(), name + ": EXPOSE and NEWSFLOW_HTTP_PORT");
        assertTrue(dockerfile.healthcheck().contains("localhost:" + port + "/health"), dockerfile.healthcheck());
        String composeCheck = String.valueOf(((Map<?, ?>) service.get("healthcheck")).get("test"));
        assertTrue(composeCheck.contains("localhost:" + port + "/ready"), name + " compose health check: " + composeCheck);
        Object ports = service.get("ports");
        if (ports != null) {
            for (Object mapping : (List<?>) ports) {
                assertTrue(mapping.toString().endsWith(":" + port), name + " publishes " + mapping + ", serves " + port);
            }
        }
        assertEquals("./" + name, service.get("build"));
        assertTrue(dockerfile.text().contains("COPY target/" + name + ".jar /app/" + name + ".jar"), dockerfile.text());
        assertTrue(dockerfile.text().contains("\"-jar\", \"/app/" + name + ".jar\""), dockerfile.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "sink", "monitor"})
    void servicesReachTheComposeBrokerAndWaitForIt(String name) throws IOException {
        Map<String, Object> kafka = composeService("kafka");
        assertTrue(kafka.containsKey("healthcheck"), "the broker needs a health check to be waited on");
        assertTrue(String.valueOf(environment(kafka).get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://kafka:9092"));
        Map<String, Object> service = composeService(name);
        assertEquals("kafka:9092", environment(service).get("NEWSFLOW_BOOTSTRAP_SERVERS"));
        assertEquals("service_healthy", ((Map<?, ?>) ((Map<?, ?>) service.get("depends_on")).get("kafka")).get("condition"));
    }

    private static Set<String> keysRead(String name) {
        ConfigReader reader = new ConfigReader(ConfigSource.of(null, Map.of()));
        CONFIGS.get(name).accept(reader);
        return reader.keysRead().stream().map(ConfigSource::environmentVariable)
                .collect(java.util.stream.Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> composeService(String name) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        if (!services.containsKey(name)) {
            fail("docker-compose.yml has no service " + name);
        }
        return (Map<String, Object>) services.get(name);
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(k.toString(), String.valueOf(v)));
        }
        return env;
    }

    /** The few Dockerfile instructions the checks need. */
    private record Dockerfile(String text, Map<String, String> env, List<String> exposed, String healthcheck) {
        private static final Pattern ENV = Pattern.compile("(?m)^ENV\\s+(\\w+)=(\\S+)");
        private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");
        private static final Pattern HEALTHCHECK = Pattern.compile("(?m)^HEALTHCHECK\\s+.*$");

        static Dockerfile read(Path file) throws IOException {
            String text = Files.readString(file);
            Map<String, String> env = new LinkedHashMap<>();
            Matcher m = ENV.matcher(text);
            while (m.find()) {
                env.put(m.group(1), m.group(2));
            }
            List<String> exposed = new ArrayList<>();
            m = EXPOSE.matcher(text);
            while (m.find()) {
                exposed.add(m.group(1));
            }
            Matcher health = HEALTHCHECK.matcher(text);
            return new Dockerfile(text, env, exposed, health.find() ? health.group() : "(no HEALTHCHECK)");
        }
    }
}
