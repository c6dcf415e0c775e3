package dev.newsflow.bench;

import dev.newsflow.core.ArticleProducers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The pipeline's Kafka shape with no work in it, on the same broker: a transactional producer writes the
 * pipeline's own raw records, in transactions of up to a thousand as ingest's are; a Kafka Streams application
 * under exactly-once swaps each for one of the pipeline's own enriched records and writes it on; a read_committed
 * consumer reads them, as the sink does. All three share this JVM, and nothing is fetched, parsed, tagged, stored
 * for deduplication or written to a file. Its articles per second are the most any code of this shape could reach
 * here: how far the pipeline stays below it is the cost of its work.
 */
final class KafkaFloor {

    /**
     * Records sampled from each of the pipeline's topics and sent round again: enough that a record never meets
     * its own copy inside one batch, where compression would make it nearly free.
     */
    private static final int SAMPLES = 2_000;
    private static final int TRANSACTION_RECORDS = 1_000;
    private static final Duration WAIT = Duration.ofMinutes(5);

    record Result(double articlesPerSecond, int articles, int averageRawBytes, int averageEnrichedBytes) {
    }

    private KafkaFloor() {
    }

    /** Runs {@code articles} through, after sampling the pipeline's topics, the one pair on this broker. */
    static Result measure(String bootstrap, int articles, int partitions, Path stateDir)
            throws IOException, InterruptedException {
        Properties admin = new Properties();
        admin.put("bootstrap.servers", bootstrap);
        String id = "floor-" + System.nanoTime();
        List<byte[]> raw;
        List<byte[]> enriched;
        try (Admin client = Admin.create(admin)) {
            Set<String> topics = client.listTopics().names().get(30, TimeUnit.SECONDS);
            raw = sample(bootstrap, pipelineTopic(topics, ".raw"));
            enriched = sample(bootstrap, pipelineTopic(topics, ".enriched"));
            client.createTopics(List.of(new NewTopic(id + ".raw", Optional.of(partitions), Optional.empty()),
                    new NewTopic(id + ".enriched", Optional.of(partitions), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot prepare the floor's topics: " + e.getMessage(), e);
        }
        try (KafkaStreams swap = swapping(bootstrap, id, enriched, stateDir)) {
            swap.start();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (swap.state() != KafkaStreams.State.RUNNING) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the floor's Streams application did not start: " + swap.state());
                }
                Thread.sleep(50);
            }
            try (KafkaConsumer<byte[], byte[]> reader = reader(bootstrap, id + ".enriched")) {
                while (reader.assignment().isEmpty()) { // joined before the clock starts
                    reader.poll(Duration.ofMillis(100));
                }
                long started = System.nanoTime();
                produce(bootstrap, id + ".raw", raw, articles);
                long read = 0;
                while (read < articles) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("the floor read " + read + " of " + articles + " records in " + WAIT);
                    }
                    read += reader.poll(Duration.ofMillis(100)).count();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                return new Result(articles / seconds, articles, average(raw), average(enriched));
            }
        }
    }

    private static String pipelineTopic(Set<String> topics, String suffix) throws IOException {
        List<String> named = topics.stream().filter(t -> t.endsWith(suffix) && !t.startsWith("floor-")).toList();
        if (named.size() != 1) {
            throw new IOException("expected one pipeline topic ending " + suffix + ", found " + named);
        }
        return named.get(0);
    }

    /** Up to {@link #SAMPLES} committed records of {@code topic}, from its partitions in turn. */
    private static List<byte[]> sample(String bootstrap, String topic) throws IOException {
        List<byte[]> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = reader(bootstrap, null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < SAMPLES && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && values.size() < SAMPLES) {
                        values.add(record.value());
                    }
                }
            }
        }
        if (values.isEmpty()) {
            throw new IOException("nothing to sample on " + topic);
        }
        return values;
    }

    /** Replaces each record's value by the enriched sample its key (the article's number) picks: no work. */
    private static KafkaStreams swapping(String bootstrap, String id, List<byte[]> enriched, Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(id + ".raw", Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-raw"))
                .mapValues((key, value) -> enriched.get(Integer.parseInt(key) % enriched.size()),
                        Named.as("swap-for-enriched"))
                .to(id + ".enriched", Produced.with(Serdes.String(), Serdes.ByteArray()).withName("write-enriched"));
        Properties props = new Properties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        ArticleProducers.settings().forEach((key, value) -> props.put(StreamsConfig.producerPrefix(key), value));
        return new KafkaStreams(builder.build(), props);
    }

    private static void produce(String bootstrap, String topic, List<byte[]> raw, int articles) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("transactional.id", topic + "-writer");
        props.putAll(ArticleProducers.settings());
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            for (int first = 0; first < articles; first += TRANSACTION_RECORDS) {
                producer.beginTransaction();
                for (int i = first; i < Math.min(articles, first + TRANSACTION_RECORDS); i++) {
                    byte[] key = Integer.toString(i).getBytes(StandardCharsets.UTF_8);
                    producer.send(new ProducerRecord<>(topic, key, raw.get(i % raw.size())));
                }
                producer.commitTransaction();
            }
        }
    }

    /** A read_committed consumer; subscribed to {@code topic} in a group of its own, or unassigned when null. */
    private static KafkaConsumer<byte[], byte[]> reader(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("isolation.level", "read_committed");
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        props.put("group.id", "floor-reader-" + UUID.randomUUID());
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        if (topic != null) {
            consumer.subscribe(List.of(topic));
        }
        return consumer;
    }

    private static int average(List<byte[]> values) {
        return (int) values.stream().mapToInt(v -> v.length).average().orElse(0);
    }
}
