package dev.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** What enrich does when processing fails: a bad article is dead-lettered, a Kafka failure restarts a thread. */
class StreamFailureHandlingTest {

    @Test
    void aSendKafkaRefusedFailsTheThreadInsteadOfDeadLetteringAGoodArticle() {
        var sendFailed = new StreamsException("Error encountered trying to send record to topic news.enriched",
                new TimeoutException("Topic news.enriched not present in metadata after 60000 ms."));
        var response = new DeadLetterArticleErrors().handleError(null, null, sendFailed);
        assertEquals(ProcessingExceptionHandler.Result.FAIL, response.result());
        assertTrue(response.deadLetterQueueRecords().isEmpty());
    }

    @Test
    void aSendThatTimedOutFailsTheThreadSoItsReplacementGetsANewProducer() {
        FailTimedOutSends handler = new FailTimedOutSends();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "news.dlq"));
        var record = new ProducerRecord<>("newsflow-enrich-pending-tag-counts-changelog", new byte[1], new byte[1]);
        var response = handler.handleError(null, record,
                new TimeoutException("Topic newsflow-enrich-pending-tag-counts-changelog not present in metadata"));
        assertEquals(ProductionExceptionHandler.Result.FAIL, response.result(),
                "Kafka Streams' own answer, RETRY, would keep the producer");
        assertTrue(response.deadLetterQueueRecords().isEmpty(), "a changelog record is no dead letter");
    }

    @Test
    void anErrorOfEnrichsOwnCodeIsNotTakenForAKafkaFailure() {
        assertFalse(DeadLetterArticleErrors.isKafkaFailure(new IllegalStateException("no such tag",
                new NullPointerException())));
        assertTrue(DeadLetterArticleErrors.isKafkaFailure(new IllegalStateException("wrapped",
                new TimeoutException("metadata"))));
        assertFalse(DeadLetterArticleErrors.isKafkaFailure(new StreamsException("cannot send",
                new SerializationException("this value cannot be written"))), "that one is the record's fault");
    }

    @Test
    void replacesDeadThreadsThreeTimesEachInTenMinutesThenShutsDown() {
        var clock = new EnrichTopologyTest.MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        StreamThreadReplacer replacer = new StreamThreadReplacer(clock, 2);
        RuntimeException failure = new StreamsException("send failed");
        for (int i = 0; i < 6; i++) {
            assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, replacer.handle(failure));
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, replacer.handle(failure));

        clock.advance(StreamThreadReplacer.WINDOW);
        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, replacer.handle(failure),
                "failures older than the window are forgotten");
    }
}
