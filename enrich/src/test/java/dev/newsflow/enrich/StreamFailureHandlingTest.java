package dev.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
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
    void anErrorOfEnrichsOwnCodeIsNotTakenForAKafkaFailure() {
        assertFalse(DeadLetterArticleErrors.isKafkaFailure(new IllegalStateException("no such tag",
                new NullPointerException())));
        assertTrue(DeadLetterArticleErrors.isKafkaFailure(new IllegalStateException("wrapped",
                new TimeoutException("metadata"))));
        assertFalse(DeadLetterArticleErrors.isKafkaFailure(new StreamsException("cannot send",
                new SerializationException("this value cannot be written"))), "that one is the record's fault");
    }

    @Test
    void replacesADeadThreadThreeTimesInTenMinutesThenShutsDown() {
        var clock = new EnrichTopologyTest.MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        StreamThreadReplacer replacer = new StreamThreadReplacer(clock);
        RuntimeException failure = new StreamsException("send failed");
        for (int i = 0; i < StreamThreadReplacer.MAX_REPLACEMENTS; i++) {
            assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, replacer.handle(failure));
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, replacer.handle(failure));

        clock.advance(StreamThreadReplacer.WINDOW);
        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, replacer.handle(failure),
                "failures older than the window are forgotten");
    }
}
