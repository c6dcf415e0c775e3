package dev.newsflow.core.ops;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks the cluster every few seconds whether it answers, for {@code /ready}: Kafka clients retry quietly
 * while the broker is away, so a service cannot tell it from its own producer or consumer.
 */
public final class BrokerProbe implements AutoCloseable {

    private static final Duration EVERY = Duration.ofSeconds(3);

    private final Admin admin;
    private final ScheduledExecutorService timer;
    private volatile boolean answers;

    private BrokerProbe(Admin admin) {
        this.admin = admin;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("broker-probe"));
    }

    /** Starts probing at once with the service's own client settings (bootstrap servers, security). */
    public static BrokerProbe start(Properties clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-broker-probe");
        BrokerProbe probe = new BrokerProbe(Admin.create(props));
        probe.timer.scheduleWithFixedDelay(probe::probe, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return probe;
    }

    /** True when the last probe reached the cluster. */
    public boolean answers() {
        return answers;
    }

    /** The admin client, for a service that asks the cluster more (consumer lag). */
    public Admin admin() {
        return admin;
    }

    private void probe() {
        try {
            answers = !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                    .nodes().get(4, TimeUnit.SECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answers = false;
        } catch (Exception e) {
            answers = false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
