package dev.newsflow.monitor;

import dev.newsflow.core.config.ConfigException;
import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.ConfigSource;
import dev.newsflow.core.ops.ExitOnStartFailure;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar monitor.jar [--config FILE]} serves the live page until SIGTERM;
 * {@code java -jar monitor.jar tail [--topic ID] [--entity NAME]} prints the enriched flow in the terminal.
 */
public final class MonitorMain {

    private static final Logger log = LoggerFactory.getLogger(MonitorMain.class);

    private MonitorMain() {
    }

    public static void main(String[] args) throws Exception {
        ExitOnStartFailure.install("monitor");
        List<String> argList = Arrays.asList(args);
        boolean tail = !argList.isEmpty() && argList.get(0).equals("tail");
        ConfigReader reader = new ConfigReader(ConfigSource.fromArgs(argList));
        MonitorConfig config;
        try {
            config = MonitorConfig.read(reader);
            String settings = reader.done();
            if (!tail) {
                log.info("monitor starting with {}", settings);
            }
        } catch (ConfigException e) {
            System.err.println("monitor cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (tail) {
            TailCommand command;
            try {
                command = TailCommand.parse(argList.subList(1, argList.size()));
            } catch (IllegalArgumentException e) {
                System.err.println("newsflow tail: " + e.getMessage());
                System.exit(2);
                return;
            }
            command.run(config.kafka(), System.out);
            return;
        }
        config.kafka().ensureTopics();
        MonitorService service = new MonitorService(config, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("monitor stopping");
            service.stop();
            log.info("monitor stopped cleanly");
            stopped.countDown();
        }, "monitor-shutdown"));
        service.start();
        log.info("Live page at http://localhost:{}/", service.port());
        stopped.await();
    }
}
