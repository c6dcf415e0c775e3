package dev.newsflow.core.ops;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind, read from the cluster as any Kafka tool reads it: for each partition the
 * group has committed, the last stable offset (where a read_committed consumer stops) minus the committed
 * offset. Partitions the group has never committed are not counted: nothing says where it would start on them.
 */
public final class GroupLag {

    private GroupLag() {
    }

    /** Records waiting for {@code group} on each partition it has committed. */
    public static Map<TopicPartition, Long> byPartition(Admin admin, String group, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long millis = timeout.toMillis();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(millis, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                latest.put(partition, OffsetSpec.latest());
            }
        });
        if (latest.isEmpty()) {
            return Map.of();
        }
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all().get(millis, TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> lag = new HashMap<>();
        ends.forEach((partition, end) ->
                lag.put(partition, Math.max(0, end.offset() - committed.get(partition).offset())));
        return lag;
    }

    /** Records waiting for {@code group}, over every partition it has committed. */
    public static long total(Admin admin, String group, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return byPartition(admin, group, timeout).values().stream().mapToLong(Long::longValue).sum();
    }
}
