package dev.newsflow.enrich;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Dead-letters a record that enrich's own code fails on (the tagger meeting an article it cannot handle),
 * and goes on, as {@link LogAndContinueProcessingExceptionHandler} does. A failure of Kafka itself met
 * while processing (a send refused because the broker has been away too long) says nothing about the
 * record: dead-lettering it would take a good article out of the flow, and the dead letter could not be
 * sent either. Those fail the stream thread instead, which aborts its transaction, so nothing it wrote is
 * seen, and {@link StreamThreadReplacer} starts a fresh one that reads the record again.
 */
public final class DeadLetterArticleErrors extends LogAndContinueProcessingExceptionHandler {

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        return isKafkaFailure(exception) ? Response.fail() : super.handleError(context, record, exception);
    }

    /** A Kafka failure, unless it is one this record alone caused: a value that cannot be serialised. */
    static boolean isKafkaFailure(Throwable exception) {
        boolean kafka = false;
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SerializationException) {
                return false;
            }
            kafka |= t instanceof KafkaException;
        }
        return kafka;
    }
}
