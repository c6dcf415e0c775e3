package dev.newsflow.e2e.faults;

import static dev.newsflow.e2e.faults.Faults.assertExactlyOnce;
import static dev.newsflow.e2e.faults.Faults.awaitArchived;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.newsflow.bench.ArchiveWatcher;
import dev.newsflow.bench.Pipeline;
import dev.newsflow.core.CloudEvents;
import dev.newsflow.core.TopicRecords;
import dev.newsflow.core.ops.GroupLag;
import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Poison records on news.raw go to the dead-letter topic with their reason; the flow goes on; lag returns to 0. */
@Tag("fault")
@KafkaBroker
class PoisonRecordFaultIT {

    private static final int ARTICLES = 600;
    private static final List<byte[]> POISON = List.of(
            "not json at all".getBytes(StandardCharsets.UTF_8),
            "{\"title\":\"a JSON object that is no raw article\"}".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xff, 0x00, 0x7b});

    @TempDir
    Path work;

    @Test
    void poisonIsDeadLetteredWithItsBytesAndReasonWhileEveryArticleStillArrives(KafkaCluster kafka) throws Exception {
        var plan = Faults.plan(6, ARTICLES, 100);
        try (Pipeline pipeline = new Pipeline(Faults.ROOT, work, kafka.bootstrapServers(), plan, "1s", Faults.QUICK)) {
            pipeline.start();
            ArchiveWatcher watcher = new ArchiveWatcher(pipeline.archive());
            awaitArchived(pipeline, watcher, ARTICLES / 3, Duration.ofMinutes(2));
            Properties props = new Properties();
            props.put("bootstrap.servers", kafka.bootstrapServers());
            try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < POISON.size(); i++) {
                    producer.send(new ProducerRecord<>(pipeline.topic("raw"), ("poison-" + i).getBytes(StandardCharsets.UTF_8),
                            POISON.get(i))).get(30, TimeUnit.SECONDS);
                }
            }
            awaitArchived(pipeline, watcher, ARTICLES, Duration.ofMinutes(3));
            assertExactlyOnce(pipeline);

            List<ConsumerRecord<byte[], byte[]>> dead = TopicRecords.readAll(kafka.bootstrapServers(), pipeline.topic("dlq"));
            assertEquals(POISON.size(), dead.size(), "every poison record, and nothing else, is dead-lettered");
            for (ConsumerRecord<byte[], byte[]> record : dead) {
                int which = Integer.parseInt(new String(record.key(), StandardCharsets.UTF_8).substring("poison-".length()));
                assertArrayEquals(POISON.get(which), record.value(), "the original bytes are kept");
                assertEquals(pipeline.topic("raw"), CloudEvents.get(record.headers(), "__streams.errors.topic"));
                assertNotNull(CloudEvents.get(record.headers(), "__streams.errors.exception"), "the reason is kept");
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> lag(kafka, "newsflow-enrich", pipeline.topic("raw")) == 0);
        }
    }

    /** The group's lag on {@code topic}; unknown (the largest long) until it has committed there. */
    private static long lag(KafkaCluster kafka, String group, String topic) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            var lag = GroupLag.byPartition(admin, group, Duration.ofSeconds(10)).entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic)).mapToLong(Map.Entry::getValue).toArray();
            return lag.length == 0 ? Long.MAX_VALUE : LongStream.of(lag).sum();
        }
    }
}
