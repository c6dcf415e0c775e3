package dev.newsflow.monitor;

import dev.newsflow.core.ops.DaemonThreads;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how far each watched consumer group is behind (the sum over its partitions of the last stable
 * offset minus its committed offset), every few seconds, for the page.
 */
final class LagProbe implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LagProbe.class);

    private final Admin admin;
    private final List<String> groups;
    private final NewsBoard board;
    private final ScheduledExecutorService timer;

    LagProbe(Admin admin, List<String> groups, NewsBoard board) {
        this.admin = admin;
        this.groups = List.copyOf(groups);
        this.board = board;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("monitor-lag"));
    }

    void start() {
        timer.scheduleWithFixedDelay(this::probe, 0, 5, TimeUnit.SECONDS);
    }

    private void probe() {
        try {
            Map<String, Long> lag = new HashMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                        .listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                                IsolationLevel.READ_COMMITTED))
                        .all().get(5, TimeUnit.SECONDS);
                long total = 0;
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                        total += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
                lag.put(group, total);
            }
            board.lag(lag);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("Lag probe failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
