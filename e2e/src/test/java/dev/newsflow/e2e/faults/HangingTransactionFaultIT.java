package dev.newsflow.e2e.faults;

import static dev.newsflow.e2e.faults.Faults.awaitArchived;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.bench.ArchiveWatcher;
import dev.newsflow.bench.DeliveryChecker;
import dev.newsflow.bench.Pipeline;
import dev.newsflow.core.Articles;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.JsonSerde;
import dev.newsflow.kafkalocal.LocalKafka;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction left hanging on news.enriched, the way a broker crash can leave one: open on the partition,
 * unknown to its coordinator (here the broker is killed and comes back without its transaction log). The
 * sink reads committed records only, so it would wait behind it forever; it aborts it once it has been open
 * longer than any transaction may (the local broker's transaction.max.timeout.ms, a minute) and goes on.
 */
@Tag("fault")
@KafkaBroker
class HangingTransactionFaultIT {

    private static final int BEFORE = 5;
    private static final int AFTER = 5;

    @TempDir
    Path work;

    @Test
    void theSinkAbortsATransactionLeftHangingOnItsTopicAndWritesWhatWasCommittedAfterIt(LocalKafka kafka)
            throws Exception {
        try (Pipeline pipeline = new Pipeline(Faults.ROOT, work, kafka.bootstrapServers(), Faults.plan(1, 1, 0),
                "1s", Faults.QUICK)) {
            pipeline.start("sink");
            String topic = pipeline.topic("enriched");
            List<EnrichedArticle> before = articles("before", BEFORE);
            List<EnrichedArticle> after = articles("after", AFTER);
            writeCommitted(kafka, topic, before);
            ArchiveWatcher watcher = new ArchiveWatcher(pipeline.archive());
            awaitArchived(pipeline, watcher, BEFORE, Duration.ofMinutes(1));

            KafkaProducer<String, EnrichedArticle> crashed = producer(kafka);
            crashed.initTransactions();
            crashed.beginTransaction();
            articles("never-committed", 3).forEach(a -> crashed.send(new ProducerRecord<>(topic, a.id(), a)));
            crashed.flush();
            kafka.kill();
            crashed.close(Duration.ZERO);
            kafka.deleteTransactionLog();
            kafka.restart();
            writeCommitted(kafka, topic, after);

            awaitArchived(pipeline, watcher, BEFORE + AFTER, Duration.ofMinutes(3));
            List<EnrichedArticle> committed = new ArrayList<>(before);
            committed.addAll(after);
            assertEquals(keys(committed), watcher.arrivals().keySet(),
                    "what was committed, before and after the hanging transaction, and nothing of it");
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + pipeline.httpPort("sink") + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("newsflow_transactions_hanging_aborted_total")
                    && line.endsWith(" 1.0")), "the sink counts the transaction it aborted:\n" + metrics);
        }
    }

    private static List<EnrichedArticle> articles(String name, int count) {
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var raw = Articles.raw("https://news.example/" + name + "/" + i, name + " " + i, "An article " + name + ".");
            articles.add(EnrichedArticle.of(raw, "en", List.of(), List.of(), "test", Instant.now()));
        }
        return articles;
    }

    private static Set<String> keys(List<EnrichedArticle> articles) {
        return articles.stream().map(a -> DeliveryChecker.key(a.id(), a.version())).collect(Collectors.toSet());
    }

    private static void writeCommitted(LocalKafka kafka, String topic, List<EnrichedArticle> articles) {
        try (var producer = producer(kafka)) {
            producer.initTransactions();
            producer.beginTransaction();
            articles.forEach(a -> producer.send(new ProducerRecord<>(topic, a.id(), a)));
            producer.commitTransaction();
        }
    }

    private static KafkaProducer<String, EnrichedArticle> producer(LocalKafka kafka) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("transactional.id", "hanging-test-" + System.nanoTime());
        return new KafkaProducer<>(props, new StringSerializer(), new JsonSerde<>(EnrichedArticle.class).serializer());
    }
}
