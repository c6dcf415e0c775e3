package dev.newsflow.core.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsflow.core.TopicRecords;
import dev.newsflow.kafkalocal.LocalKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hanging transactions on a real broker. One is made the way a crash makes one: a transaction left open on a
 * partition, then its coordinator's memory of it lost (the broker killed and its transaction log removed),
 * so no marker will ever come and read_committed consumers stop at its first record.
 */
class HangingTransactionsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path data;
    static LocalKafka broker;
    static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafka.start(data.resolve("broker"));
        admin = Admin.create(client());
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void aTransactionItsCoordinatorForgotIsAbortedAndReadersGoOnPastIt() throws Exception {
        String topic = createTopic("forgotten");
        writeCommitted(topic, "before");
        var leftOpen = new KafkaProducer<>(transactional("left-open"), new StringSerializer(),
                new StringSerializer());
        leftOpen.initTransactions();
        leftOpen.beginTransaction();
        leftOpen.send(new ProducerRecord<>(topic, "never-committed"));
        leftOpen.flush();

        broker.kill();
        leftOpen.close(Duration.ZERO);
        broker.deleteTransactionLog();
        broker.restart();

        writeCommitted(topic, "after");
        assertEquals(List.of("before"), committed(topic),
                "a reader of committed records stops at the open transaction");

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HangingTransactions sweeper = new HangingTransactions(admin, () -> List.of(topic), List.of(),
                Duration.ofSeconds(2), Clock.systemUTC(), registry);
        assertEquals(List.of(), sweeper.look(), "a transaction just seen is given its patience first");
        await().atMost(WAIT).until(() -> !sweeper.look().isEmpty());

        assertEquals(List.of("before", "after"), committed(topic));
        assertEquals(1.0, registry.counter("newsflow.transactions.hanging.aborted").count());
        assertEquals(List.of(), sweeper.look(), "nothing is left open");
    }

    @Test
    void aTransactionItsCoordinatorHoldsIsLeftToItsProducerHoweverLongItTakes() throws Exception {
        String topic = createTopic("ongoing");
        try (var slow = new KafkaProducer<>(transactional("slow"), new StringSerializer(), new StringSerializer())) {
            slow.initTransactions();
            slow.beginTransaction();
            slow.send(new ProducerRecord<>(topic, "in-progress"));
            slow.flush();

            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            HangingTransactions sweeper = new HangingTransactions(admin, () -> List.of(topic), List.of(),
                    Duration.ZERO, Clock.systemUTC(), registry);
            assertEquals(List.of(), sweeper.look());
            assertEquals(List.of(), sweeper.look());
            assertEquals(0.0, registry.counter("newsflow.transactions.hanging.aborted").count());

            slow.commitTransaction();
            assertEquals(List.of("in-progress"), committed(topic), "its producer committed it, and it stands");
        }
    }

    @Test
    void offsetsOfATransactionItsCoordinatorForgotAreAbortedAndTheGroupStartsFromItsLastCommit() throws Exception {
        // A group whose id hashes below zero: only Kafka's own placement of groups finds its offsets' partition.
        String group = "offsets-group-0";
        TopicPartition input = new TopicPartition(createTopic("input"), 0);
        try (var committer = new KafkaProducer<>(transactional("committer"), new StringSerializer(),
                new StringSerializer())) {
            committer.initTransactions();
            committer.beginTransaction();
            committer.sendOffsetsToTransaction(Map.of(input, new OffsetAndMetadata(1)),
                    new ConsumerGroupMetadata(group));
            committer.commitTransaction();
        }
        var leftOpen = new KafkaProducer<>(transactional("offsets-left-open"), new StringSerializer(),
                new StringSerializer());
        leftOpen.initTransactions();
        leftOpen.beginTransaction();
        leftOpen.sendOffsetsToTransaction(Map.of(input, new OffsetAndMetadata(2)),
                new ConsumerGroupMetadata(group));

        broker.kill();
        leftOpen.close(Duration.ZERO);
        broker.deleteTransactionLog();
        broker.restart();

        assertThrows(TimeoutException.class, () -> committedOffset(group, input),
                "a member of the group cannot learn where to start while the offset is unstable");

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HangingTransactions sweeper = new HangingTransactions(admin, List::of, List.of(group), Duration.ZERO,
                Clock.systemUTC(), registry);
        await().atMost(WAIT).until(() -> !sweeper.look().isEmpty());

        assertEquals(1L, committedOffset(group, input), "the last committed offset, not the aborted one");
        assertEquals(1.0, registry.counter("newsflow.transactions.hanging.aborted").count());
    }

    /** The offset a member of {@code group} reading committed records would start {@code partition} from. */
    private static long committedOffset(String group, TopicPartition partition) {
        Properties props = client();
        props.put("group.id", group);
        props.put("isolation.level", "read_committed");
        try (var member = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            return member.committed(Set.of(partition), Duration.ofSeconds(5)).get(partition).offset();
        }
    }

    private static void writeCommitted(String topic, String value) {
        try (var producer = new KafkaProducer<>(transactional("writer"), new StringSerializer(),
                new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, value));
            producer.commitTransaction();
        }
    }

    /** What a consumer reading committed records finds on the topic now. */
    private static List<String> committed(String topic) {
        return TopicRecords.readAll(broker.bootstrapServers(), topic).stream()
                .map(record -> new String(record.value(), StandardCharsets.UTF_8))
                .toList();
    }

    private static String createTopic(String name) throws Exception {
        String topic = name + "-" + System.nanoTime();
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        return topic;
    }

    private static Properties client() {
        Properties props = new Properties();
        props.put("bootstrap.servers", broker.bootstrapServers());
        return props;
    }

    private static Properties transactional(String id) {
        Properties props = client();
        props.put("transactional.id", id + "-" + System.nanoTime());
        return props;
    }
}
