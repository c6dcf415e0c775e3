package dev.newsflow.bench;

import dev.newsflow.core.ArticleProducers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The broker's own ceiling on this machine: Kafka's producer and consumer performance tools
 * ({@code kafka-producer-perf-test}, {@code kafka-consumer-perf-test}) on records of the articles' size,
 * with the producer settings ingest uses (acks=all, idempotence, {@link ArticleProducers}).
 */
final class BrokerCeiling {

    private static final Pattern PRODUCED = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");

    record Result(double producerRecordsPerSecond, double consumerRecordsPerSecond, String producerLine,
                  String consumerLine) {
    }

    private BrokerCeiling() {
    }

    static Result measure(String bootstrap, int records, int recordBytes, int partitions)
            throws IOException, InterruptedException {
        String topic = "ceiling-" + System.nanoTime();
        Properties admin = new Properties();
        admin.put("bootstrap.servers", bootstrap);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(Set.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
                    .get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("cannot create " + topic + ": " + e.getMessage(), e);
        }
        List<String> producer = new ArrayList<>(List.of("--topic", topic, "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(recordBytes), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true", "linger.ms=20"));
        ArticleProducers.settings().forEach((key, value) -> producer.add(key + "=" + value));
        String produced = run("org.apache.kafka.tools.ProducerPerformance", producer.toArray(String[]::new));
        String producerLine = produced.lines().filter(l -> PRODUCED.matcher(l).find()).reduce((a, b) -> b)
                .orElseThrow(() -> new IOException("no result from the producer tool:\n" + produced));
        Matcher m = PRODUCED.matcher(producerLine);
        m.find();
        double producerRate = Double.parseDouble(m.group(2));

        String consumed = run("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap,
                "--topic", topic, "--messages", Integer.toString(records), "--timeout", "60000");
        // A header line, then one CSV line whose sixth field is records per second.
        List<String> lines = consumed.lines().filter(l -> l.matches("^\\d{4}-.*")).toList();
        if (lines.isEmpty()) {
            throw new IOException("no result from the consumer tool:\n" + consumed);
        }
        String consumerLine = lines.get(lines.size() - 1);
        double consumerRate = Double.parseDouble(consumerLine.split(",")[5].strip());
        return new Result(producerRate, consumerRate, producerLine.strip(), consumerLine.strip());
    }

    private static String run(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(mainClass + " failed:\n" + output);
        }
        return output;
    }
}
