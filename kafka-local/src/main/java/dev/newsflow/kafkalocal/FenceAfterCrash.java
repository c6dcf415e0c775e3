package dev.newsflow.kafkalocal;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A child JVM's entry point, run before a broker starts again on data it already holds: runs the node as a
 * controller alone until that controller has fenced the broker, then stops cleanly.
 *
 * <p>Why: a single broker that starts again after a crash loads its transaction coordinator from metadata
 * that still names it leader of every partition, then its own controller fences it (every partition's
 * leader becomes none) and unfences it a moment later. A transaction's marker retried inside that moment
 * finds no leader; Kafka skips such a partition as deleted and may still record the transaction complete.
 * The partition is left with that transaction's records open, and the same producer's next marker there
 * decides them instead: a committed transaction's records vanish with its next abort. Once the metadata on
 * disk says the broker is fenced, the broker starts with no partition to lead, is unfenced once, and loads
 * its coordinator when every leader is known ({@code LocalKafkaIT} makes that case).
 * After a clean stop the broker is fenced already and this pass ends as soon as its controller is up.
 *
 * <pre>java -cp ... dev.newsflow.kafkalocal.FenceAfterCrash DATA_DIR</pre>
 * Exits 0 once fenced, 3 if that did not happen within the patience below.
 */
public final class FenceAfterCrash {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    // The controller fences a broker that has not sent a heartbeat for this long; Kafka's 9 s default
    // would only make every restart slower, since the broker is known to be down. Kafka checks that a
    // broker's heartbeat interval fits twice in it, though no broker runs here.
    private static final String SESSION_TIMEOUT_MS = "1500";
    private static final String HEARTBEAT_INTERVAL_MS = "500";

    private FenceAfterCrash() {
    }

    public static void main(String[] args) throws Exception {
        BrokerMain.exitWhenParentGoes();
        BrokerFiles files = new BrokerFiles(Path.of(args[0]));
        Path controllerProperties = files.fencePassProperties();
        try (OutputStream out = Files.newOutputStream(controllerProperties)) {
            controllerOnly(files.load()).store(out, "Newsflow local broker, as a controller alone");
        }
        // Kafka's own server, as the broker runs it; exiting this JVM stops it cleanly through its hook.
        Thread controller = new Thread(() -> kafka.Kafka.main(new String[] {controllerProperties.toString()}),
                "fence-pass-controller");
        controller.start();
        long started = System.nanoTime();
        boolean fenced = awaitBrokerFenced(started + PATIENCE.toNanos());
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        if (fenced) {
            System.out.println("Newsflow fence pass: the broker is fenced in the metadata log (" + tookMs
                    + " ms); starting it again");
            System.exit(0);
        }
        System.out.println("Newsflow fence pass: the controller did not fence the broker within " + PATIENCE);
        System.exit(3);
    }

    /** The node's own settings, as a controller with no broker role and no broker listener. */
    private static Properties controllerOnly(Properties server) {
        Properties p = new Properties();
        p.putAll(server);
        String controllerListener = p.getProperty("controller.listener.names");
        p.setProperty("process.roles", "controller");
        p.setProperty("listeners", Arrays.stream(p.getProperty("listeners").split(","))
                .filter(listener -> listener.startsWith(controllerListener + "://"))
                .collect(Collectors.joining(",")));
        p.remove("advertised.listeners");
        p.remove("inter.broker.listener.name");
        p.setProperty("broker.session.timeout.ms", SESSION_TIMEOUT_MS);
        p.setProperty("broker.heartbeat.interval.ms", HEARTBEAT_INTERVAL_MS);
        return p;
    }

    /**
     * Waits on the controller's own gauges (Kafka's documented KRaft monitoring metrics): active, with a
     * broker registered and none unfenced. They are set from committed metadata, so the fencing, with its
     * leader changes, is on disk when they say so.
     */
    private static boolean awaitBrokerFenced(long deadlineNanos) throws JMException, InterruptedException {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        while (System.nanoTime() < deadlineNanos) {
            if (gauge(jmx, "ActiveControllerCount") == 1
                    && gauge(jmx, "FencedBrokerCount") >= 1
                    && gauge(jmx, "ActiveBrokerCount") == 0) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }

    private static long gauge(MBeanServer jmx, String name) throws JMException {
        ObjectName metric = new ObjectName("kafka.controller:type=KafkaController,name=" + name);
        if (!jmx.isRegistered(metric)) {
            return -1;
        }
        return ((Number) jmx.getAttribute(metric, "Value")).longValue();
    }
}
