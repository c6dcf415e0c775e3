package dev.newsflow.sink;

import dev.newsflow.core.Articles;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.TopicAdmin;
import dev.newsflow.core.Topics;
import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.ConfigSource;
import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.LocalKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The sink's measure, not a test (no timing is asserted, and neither surefire nor failsafe runs it): on a
 * topic pre-filled with enriched articles, a plain consumer's articles/s as the ceiling, then the sink's
 * articles/s into final files with fsync, and the delay from consuming an article to its file being final
 * (p50, p99), for two roll policies. Runs its own broker unless {@code KAFKA_BOOTSTRAP_SERVERS} is set.
 *
 * <p>{@code mvn -B -o -q -f sink/pom.xml -Pbench verify} or, after a build,
 * {@code java -cp <test classpath> dev.newsflow.sink.SinkBenchmark [articles]}.
 */
public final class SinkBenchmark {

    private static final int PARTITIONS = 3;

    private SinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path work = Files.createTempDirectory("sink-bench");
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        LocalKafka local = external == null ? LocalKafka.start(work.resolve("kafka")) : null;
        KafkaCluster kafka = external == null ? local : () -> external;
        try {
            Topics topics = Topics.withPrefix("bench" + System.nanoTime());
            long bytes = fill(kafka.bootstrapServers(), topics, count);
            System.out.printf(Locale.ROOT, "%d articles (%.1f MB of JSON) on %d partitions, Kafka 4.4 KRaft, %d cores%n",
                    count, bytes / 1e6, PARTITIONS, Runtime.getRuntime().availableProcessors());
            report("plain consume (ceiling)", count, plainConsume(kafka.bootstrapServers(), topics, count), null);
            for (int rollRecords : new int[] {1000, 100}) {
                Path out = work.resolve("out-" + rollRecords);
                Result sink = sink(kafka.bootstrapServers(), topics, count, out, rollRecords);
                report("sink, roll at " + rollRecords + " records or 1 s, fsync", sink.articles(),
                        sink.elapsedNanos(), sink.delays());
            }
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    private record Result(long articles, long elapsedNanos, long[] delays) {
    }

    private static long fill(String bootstrap, Topics topics, int count) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        TopicAdmin.ensureTopics(props, List.of(topics.enriched), PARTITIONS, Optional.empty());
        props.put("transactional.id", "bench-" + UUID.randomUUID());
        props.put("linger.ms", "20");
        props.put("batch.size", "262144");
        long bytes = 0;
        try (var producer = new KafkaProducer<>(props, topics.enriched.keySerde().serializer(),
                topics.enriched.valueSerde().serializer())) {
            producer.initTransactions();
            for (int start = 0; start < count; start += 500) {
                producer.beginTransaction();
                for (int n = start; n < Math.min(count, start + 500); n++) {
                    EnrichedArticle article = article(n);
                    bytes += topics.enriched.valueSerde().serializer().serialize("", article).length;
                    producer.send(new ProducerRecord<>(topics.enriched.name(), article.id(), article));
                }
                producer.commitTransaction();
            }
        }
        return bytes;
    }

    /** An article of a realistic size: about 2 KB of text, tags, an entity, one of ten days. */
    private static EnrichedArticle article(int n) {
        String text = "Au sommet de l’APEC, une proposition d’organisation mondiale de l’IA. ".repeat(30);
        RawArticle raw = Articles.raw("https://bench.example/articles/" + n, "Article " + n, text.substring(0, 300));
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw.id(), 1, raw.url(), raw.title(), raw.summary(),
                text, null, "fr", raw.authors(), raw.categories(),
                Instant.parse("2026-11-10T08:00:00Z").plus(Duration.ofDays(n % 10)), raw.fetchedAt(), raw.feed(),
                List.of(n % 2 == 0 ? SampleArticles.AI_GOVERNANCE : SampleArticles.TRADE, SampleArticles.APEC),
                List.of(SampleArticles.SHANGHAI), "bench", Instant.parse("2026-11-17T09:00:00Z"));
    }

    /** A read_committed consumer that only counts: as fast as the broker serves this topic here. */
    private static long plainConsume(String bootstrap, Topics topics, int count) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "bench-plain-" + UUID.randomUUID());
        props.put("isolation.level", "read_committed");
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.enriched.name()));
            long seen = 0;
            long first = 0;
            long last = 0;
            while (seen < count) {
                int n = consumer.poll(Duration.ofMillis(200)).count();
                if (n > 0) {
                    first = first == 0 ? System.nanoTime() : first;
                    last = System.nanoTime();
                    seen += n;
                }
            }
            return last - first;
        }
    }

    private static Result sink(String bootstrap, Topics topics, int count, Path out, int rollRecords)
            throws InterruptedException {
        ConfigReader reader = new ConfigReader(ConfigSource.of(null, Map.of(
                "NEWSFLOW_BOOTSTRAP_SERVERS", bootstrap,
                "NEWSFLOW_TOPIC_PREFIX", topics.prefix(),
                "NEWSFLOW_SINK_OUTPUT_DIR", out.toString(),
                "NEWSFLOW_SINK_GROUP_ID", "bench-sink-" + UUID.randomUUID(),
                "NEWSFLOW_SINK_ROLL_MAX_RECORDS", String.valueOf(rollRecords),
                "NEWSFLOW_SINK_ROLL_MAX_AGE", "1s")));
        SinkConfig config = SinkConfig.read(reader);
        reader.done();
        long[] delays = new long[count];
        AtomicLong archived = new AtomicLong();
        AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        AtomicLong steadyArticles = new AtomicLong();
        AtomicLong steadyLast = new AtomicLong();
        // Called on the sink's thread; the main thread reads the results only after stop() joined it.
        RollObserver observer = (partition, reason, consumedAt, finalAt) -> {
            int at = (int) archived.getAndAdd(consumedAt.length);
            for (int i = 0; i < consumedAt.length && at + i < count; i++) {
                delays[at + i] = finalAt - consumedAt[i];
                first.accumulateAndGet(consumedAt[i], Math::min);
            }
            // The backlog's last, partial rolls wait for the age limit: a property of a finite topic,
            // so the rate counts only the rolls the backlog filled.
            if (reason != RollPolicy.Reason.AGE) {
                steadyArticles.addAndGet(consumedAt.length);
                steadyLast.set(finalAt);
            }
        };
        try (SinkService sink = new SinkService(config, observer)) {
            sink.start();
            while (archived.get() < count) {
                Thread.sleep(20);
            }
        }
        return new Result(steadyArticles.get(), steadyLast.get() - first.get(), delays);
    }

    /** One line: articles/s from the first record consumed to the last one consumed (or final), and delays. */
    private static void report(String what, long count, long elapsedNanos, long[] delays) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-38s %8.0f articles/s", what,
                count / (elapsedNanos / 1e9)));
        if (delays != null) {
            long[] sorted = delays.clone();
            Arrays.sort(sorted);
            line.append(String.format(Locale.ROOT, "   consume-to-final-file delay p50 %5.0f ms, p99 %5.0f ms",
                    percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6));
        }
        System.out.println(line);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
