package dev.newsflow.monitor;

import dev.newsflow.core.ops.BrokerProbe;
import dev.newsflow.core.ops.OpsServer;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.time.Clock;

/** The monitor: watches the topics and the groups' lag, and serves the live page with the ops endpoints. */
public final class MonitorService implements AutoCloseable {

    private final OpsServer ops;
    private final TopicWatcher watcher;
    private final LagProbe lag;
    private final BrokerProbe broker;

    public MonitorService(MonitorConfig config, Clock clock) throws IOException {
        NewsBoard board = new NewsBoard(config.latest(), clock);
        this.ops = OpsServer.start("monitor", config.httpPort());
        this.watcher = new TopicWatcher(config.kafka().clientProperties(), config.kafka().topics(), board,
                config.latest(), ops.registry());
        this.broker = BrokerProbe.start(config.kafka().clientProperties());
        this.lag = new LagProbe(broker.admin(), config.watchedGroups(), board);
        new LivePage(board).register(ops);
        ops.readyWhen("broker", broker::answers).readyWhen("topics", watcher::isAssigned);
        Gauge.builder("newsflow_monitor_articles_per_minute", () -> board.snapshot().articlesPerMinute())
                .description("Articles enriched per minute over the last ten minutes")
                .register(ops.registry());
    }

    public void start() {
        watcher.start();
        lag.start();
    }

    public int port() {
        return ops.port();
    }

    /** Idempotent. */
    public void stop() {
        lag.close();
        broker.close();
        watcher.close();
        ops.close();
    }

    @Override
    public void close() {
        stop();
    }
}
