package dev.newsflow.enrich;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsflow.core.TopicRecords;
import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stall watch against the real broker, on a client that says it runs but has stopped processing with
 * records waiting: its stream thread is held inside one record, the way a wedged thread would be.
 */
@KafkaBroker
class WatchedStreamsIT {

    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path state;

    @Test
    void aRunningClientThatStopsProcessingWithRecordsWaitingIsReplacedAndNothingIsLostOrDoubled(KafkaCluster kafka)
            throws Exception {
        String prefix = "w" + System.nanoTime();
        String in = prefix + ".in";
        String out = prefix + ".out";
        String application = prefix + "-app";
        Properties client = new Properties();
        client.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(out, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);

            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            WatchedStreams streams = new WatchedStreams(wedgingFirstClient(kafka, in, out, application),
                    STALL_TIMEOUT, registry, () -> true, WatchedStreams.groupLag(admin, application),
                    Clock.systemUTC());
            try {
                streams.start(() -> { });
                send(kafka, in, "before-", 10);
                await().atMost(WAIT).until(() -> keys(kafka, out).size() == 10);

                send(kafka, in, "wedge", 1);
                send(kafka, in, "after-", 5);
                await().atMost(WAIT).until(() ->
                        registry.counter("newsflow.enrich.client.replacements").count() == 1);
                await().atMost(WAIT).until(() -> keys(kafka, out).size() >= 16);
                await().atMost(WAIT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            } finally {
                streams.stop();
            }
        }
        List<String> keys = keys(kafka, out);
        assertEquals(16, keys.size(), () -> "one output record per input record: " + keys);
        assertEquals(16, Set.copyOf(keys).size(), () -> "a record doubled: " + keys);
    }

    /**
     * Clients copying {@code in} to {@code out} under exactly-once. The first holds its stream thread on the
     * record keyed {@code wedge0} for as long as it is running, so it stays in the running state, in its group,
     * and makes no progress; closing it lets the thread go.
     */
    private Supplier<KafkaStreams> wedgingFirstClient(KafkaCluster kafka, String in, String out, String application) {
        AtomicInteger made = new AtomicInteger();
        return () -> {
            boolean wedges = made.incrementAndGet() == 1;
            AtomicReference<KafkaStreams> self = new AtomicReference<>();
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(in, Consumed.with(Serdes.String(), Serdes.String()))
                    .peek((key, value) -> {
                        while (wedges && key.equals("wedge0") && self.get().state() == KafkaStreams.State.RUNNING) {
                            sleep();
                        }
                    }, Named.as("hold-the-wedge"))
                    .to(out, Produced.with(Serdes.String(), Serdes.String()));
            Properties props = new Properties();
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
            // Long enough that the held thread keeps its place in the group: the client must stay running.
            props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), "600000");
            KafkaStreams streams = new KafkaStreams(builder.build(), props);
            self.set(streams);
            return streams;
        };
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void send(KafkaCluster kafka, String topic, String prefix, int count) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, prefix + i, "value " + i)).get();
            }
        }
    }

    private static List<String> keys(KafkaCluster kafka, String topic) {
        return TopicRecords.readAll(kafka.bootstrapServers(), topic).stream()
                .map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    }
}
