package dev.newsflow.kafkalocal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The files of one broker's data folder: {@code server.properties} (whose ports are kept, so a restart
 * answers on the same address), the log4j2 settings, the Kafka log dirs and the broker's own log.
 */
final class BrokerFiles {

    private final Path dataDir;

    BrokerFiles(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath();
    }

    Path dataDir() {
        return dataDir;
    }

    Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    /** The node's settings as a controller alone, written by {@link FenceAfterCrash} before each restart. */
    Path fencePassProperties() {
        return dataDir.resolve("fence-pass.properties");
    }

    Path logDirs() {
        return dataDir.resolve("kafka-logs");
    }

    Path brokerLog() {
        return dataDir.resolve("broker.log");
    }

    Path log4jConfig() {
        return dataDir.resolve("log4j2.properties");
    }

    /**
     * The broker JVM's temporary folder. The lz4 codec unpacks its native library there on every start and
     * removes it only on a clean exit, so a broker killed with -9 (the fault tests do it) leaves a copy
     * behind: in the data folder, not in the machine's /tmp.
     */
    Path tmpDir() {
        return dataDir.resolve("tmp");
    }

    boolean isFormatted() {
        return Files.exists(logDirs().resolve("meta.properties"));
    }

    /** The port in server.properties, or -1 when the folder holds no broker yet. */
    int savedPort() {
        if (!Files.exists(serverProperties())) {
            return -1;
        }
        var listener = Pattern.compile("PLAINTEXT://[^:,]+:(\\d+)")
                .matcher(load().getProperty("listeners", ""));
        return listener.find() ? Integer.parseInt(listener.group(1)) : -1;
    }

    /** Writes server.properties for a single-node KRaft broker and controller on loopback. */
    void writeConfig(int port) {
        int controllerPort = freePort();
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDirs().toString());
        // One broker: every internal topic must be creatable with one replica, or transactions never start.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        // No transaction may stay open longer than this. Newsflow's producers ask for at most 60 s (the
        // producer's default; Kafka Streams asks 10 s), and the services abort a hanging transaction once it
        // has been open this long: a minute here rather than Kafka's default quarter of an hour.
        p.setProperty("transaction.max.timeout.ms", "60000");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "false");
        try {
            Files.createDirectories(dataDir);
            try (var out = Files.newBufferedWriter(serverProperties(), StandardCharsets.UTF_8)) {
                p.store(out, "Newsflow local broker");
            }
            // The transaction coordinator at INFO: its loads, elections and rollbacks around a restart are what
            // a hanging or split transaction is traced back to (the README's Reliability section).
            Files.writeString(log4jConfig(), """
                    status = warn
                    appender.out.type = Console
                    appender.out.name = out
                    appender.out.layout.type = PatternLayout
                    appender.out.layout.pattern = [%d] %p %m (%c)%n
                    rootLogger.level = warn
                    rootLogger.appenderRef.out.ref = out
                    logger.server.name = kafka.server.KafkaRaftServer
                    logger.server.level = info
                    logger.txn.name = kafka.coordinator.transaction
                    logger.txn.level = info
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker's config in " + dataDir, e);
        }
    }

    Properties load() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(serverProperties())) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + serverProperties(), e);
        }
        return p;
    }

    /** The last lines of the broker's log, to explain a failed start. */
    String logTail() {
        try {
            var lines = Files.readAllLines(brokerLog(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no broker log: " + e.getMessage() + ")";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }
}
