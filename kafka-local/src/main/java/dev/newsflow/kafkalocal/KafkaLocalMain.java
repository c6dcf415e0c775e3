package dev.newsflow.kafkalocal;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Command line for the local run: starts the broker on a data folder and port, prints where it answers,
 * and stops it on SIGTERM or Ctrl-C.
 *
 * <pre>java -cp ... dev.newsflow.kafkalocal.KafkaLocalMain --data-dir .newsflow/kafka --port 9092</pre>
 */
public final class KafkaLocalMain {

    private KafkaLocalMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(".newsflow", "kafka");
        int port = 9092;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; usage: --data-dir DIR --port PORT");
                    System.exit(2);
                }
            }
        }
        LocalKafka kafka;
        try {
            kafka = LocalKafka.start(dataDir, port);
        } catch (RuntimeException e) {
            System.err.println("kafka-local: " + e.getMessage());
            System.exit(1);
            return;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            kafka.stop();
        }, "kafka-local-shutdown"));
        System.out.println("kafka-local: broker ready on " + kafka.bootstrapServers() + " (data in "
                + kafka.dataDir() + ", log in " + kafka.logFile() + ")");
        int exit = kafka.awaitExit();
        if (!stopping.get()) {
            System.err.println("kafka-local: the broker exited by itself with code " + exit + "; see "
                    + kafka.logFile());
            System.exit(1);
        }
    }
}
