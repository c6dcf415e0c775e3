package dev.newsflow.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.Articles;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.TopicRecords;
import dev.newsflow.core.Topics;
import dev.newsflow.core.config.KafkaSettings;
import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Articles and the state that remembers them are committed in one transaction, against the real broker. */
@KafkaBroker
class ArticlePublisherIT {

    @Test
    void commitsAnArticleWithItsMarkOrNeitherAndOnePollsBadRecordFailsOnlyThatPoll(KafkaCluster kafka)
            throws Exception {
        Topics topics = topics(kafka);
        RawArticle good = Articles.raw("https://news.example/good", "Good", "fits");
        // Over the producer's max.request.size: Kafka refuses it, and with it its transaction.
        RawArticle huge = withContent(Articles.raw("https://news.example/huge", "Huge", "too big"), "x".repeat(2 << 20));
        try (ArticlePublisher publisher = started(kafka, topics)) {
            // Submitted together, so they most likely share a transaction: the refusal must still fail only one.
            CompletableFuture<Void> refused = publisher.publish(List.of(huge), marks(huge));
            CompletableFuture<Void> ok = publisher.publish(List.of(good), marks(good));

            ok.get();
            CompletionException e = assertThrows(CompletionException.class, refused::join);
            assertTrue(e.getCause().getMessage().contains("aborted"), e.getCause().getMessage());
        }
        eventually(() -> assertEquals(Set.of(good.id()), keys(kafka, topics.raw.name())));
        eventually(() -> assertEquals(Set.of(IngestStateStore.articleKey(good.id())),
                keys(kafka, topics.ingestState.name()), "the refused article's mark went down with it"));
    }

    @Test
    void commitsEveryPollFinishingAtOnceFromManyThreads(KafkaCluster kafka) throws Exception {
        Topics topics = topics(kafka);
        List<RawArticle> articles = IntStream.range(0, 40)
                .mapToObj(i -> Articles.raw("https://news.example/many/" + i, "Article " + i, "text " + i)).toList();
        ExecutorService polls = Executors.newFixedThreadPool(8);
        try (ArticlePublisher publisher = started(kafka, topics)) {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (RawArticle a : articles) {
                done.add(CompletableFuture.supplyAsync(() -> publisher.publish(List.of(a), marks(a)), polls)
                        .thenCompose(f -> f));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        } finally {
            polls.shutdownNow();
        }
        eventually(() -> assertEquals(articles.size(),
                TopicRecords.readAll(kafka.bootstrapServers(), topics.raw.name()).size()));
        eventually(() -> assertEquals(articles.size(), keys(kafka, topics.ingestState.name()).size()));
    }

    @Test
    void stopsForGoodWhenAnotherInstanceTakesItsTransactionalId(KafkaCluster kafka) throws Exception {
        Topics topics = topics(kafka);
        RawArticle first = Articles.raw("https://news.example/first", "First", "one");
        RawArticle late = Articles.raw("https://news.example/late", "Late", "two");
        try (ArticlePublisher fenced = started(kafka, topics, "fenced-" + topics.prefix())) {
            fenced.publish(List.of(first), marks(first)).get();
            try (ArticlePublisher successor = started(kafka, topics, "fenced-" + topics.prefix())) {
                CompletableFuture<Void> refused = fenced.publish(List.of(late), marks(late));
                assertThrows(CompletionException.class, refused::join);
                Throwable fatal = fenced.fatalError().get(30, TimeUnit.SECONDS);
                assertTrue(fatal.getMessage().contains("transactional.id"), fatal.getMessage());
                assertThrows(CompletionException.class, () -> fenced.publish(List.of(late), marks(late)).join(),
                        "nothing is accepted once fenced");
                successor.publish(List.of(late), marks(late)).get();
            }
        }
        eventually(() -> assertEquals(Set.of(first.id(), late.id()), keys(kafka, topics.raw.name())));
    }

    /**
     * A commit returns before the broker has written its markers, and read_committed consumers see the records
     * only after them: wait for what is committed to show.
     */
    private static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(assertion);
    }

    private static Topics topics(KafkaCluster kafka) {
        KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), "p" + System.nanoTime(), 3, -1, Map.of());
        settings.ensureTopics();
        return settings.topics();
    }

    private static ArticlePublisher started(KafkaCluster kafka, Topics topics) throws Exception {
        return started(kafka, topics, "it-" + topics.prefix());
    }

    private static ArticlePublisher started(KafkaCluster kafka, Topics topics, String transactionalId) throws Exception {
        Properties client = new Properties();
        client.put("bootstrap.servers", kafka.bootstrapServers());
        ArticlePublisher publisher = new ArticlePublisher(client, topics, transactionalId, Clock.systemUTC());
        publisher.start();
        return publisher;
    }

    private static Map<String, byte[]> marks(RawArticle article) {
        return Map.of(IngestStateStore.articleKey(article.id()),
                IngestStateStore.encode(new ArticleLedger.Mark(article.version(), ArticleLedger.fingerprint(article))));
    }

    private static RawArticle withContent(RawArticle a, String content) {
        return new RawArticle(a.schemaVersion(), a.id(), a.version(), a.url(), a.title(), a.summary(), content,
                a.contentHtml(), a.language(), a.authors(), a.categories(), a.publishedAt(), a.fetchedAt(), a.feed());
    }

    /** The keys a read_committed consumer sees. */
    private static Set<String> keys(KafkaCluster kafka, String topic) {
        return TopicRecords.readAll(kafka.bootstrapServers(), topic).stream()
                .map(ConsumerRecord::key).map(k -> new String(k, StandardCharsets.UTF_8)).collect(Collectors.toSet());
    }
}
