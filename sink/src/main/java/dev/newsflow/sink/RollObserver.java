package dev.newsflow.sink;

import org.apache.kafka.common.TopicPartition;

/** Told of every roll once its files are final, before the commit: for the benchmark's delay figures. */
@FunctionalInterface
interface RollObserver {

    RollObserver NONE = (partition, reason, consumedAtNanos, finalAtNanos) -> { };

    /** @param consumedAtNanos {@link System#nanoTime()} at which each archived line was consumed */
    void rolled(TopicPartition partition, RollPolicy.Reason reason, long[] consumedAtNanos, long finalAtNanos);
}
