package dev.newsflow.enrich;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Fails the stream thread when a send gives up on a passing Kafka failure (the broker away for longer than
 * {@code max.block.ms}), so that {@link StreamThreadReplacer} starts a new thread with a new producer.
 * Kafka Streams would instead retry the task on the same producer; after a minute's outage that producer
 * went on timing out for minutes with the broker back, while a new one sent within seconds. No dead letter
 * is written for such a failure: it says nothing about the record, which the new thread reads again.
 * Any other send failure is left to the default handler.
 */
public final class FailTimedOutSends extends DefaultProductionExceptionHandler {

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        return exception instanceof RetriableException ? Response.fail() : super.handleError(context, record, exception);
    }
}
