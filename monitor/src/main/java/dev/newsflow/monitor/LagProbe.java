package dev.newsflow.monitor;

import dev.newsflow.core.ops.DaemonThreads;
import dev.newsflow.core.ops.GroupLag;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how far each watched consumer group is behind ({@link GroupLag}), every few seconds, for the page.
 */
final class LagProbe implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LagProbe.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

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
                lag.put(group, GroupLag.total(admin, group, TIMEOUT));
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
