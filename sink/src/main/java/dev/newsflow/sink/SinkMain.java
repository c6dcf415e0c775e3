package dev.newsflow.sink;

import dev.newsflow.core.config.ConfigException;
import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.ConfigSource;
import dev.newsflow.core.ops.BrokerProbe;
import dev.newsflow.core.ops.ExitOnStartFailure;
import dev.newsflow.core.ops.HangingTransactions;
import dev.newsflow.core.ops.OpsServer;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar sink.jar [--config FILE]}: writes news.enriched to JSON files until SIGTERM. */
public final class SinkMain {

    private static final Logger log = LoggerFactory.getLogger(SinkMain.class);

    private SinkMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ExitOnStartFailure.install("sink");
        SinkConfig config;
        try {
            ConfigReader reader = new ConfigReader(ConfigSource.fromArgs(Arrays.asList(args)));
            config = SinkConfig.read(reader);
            log.info("sink starting with {}", reader.done());
        } catch (ConfigException e) {
            log.error("sink cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        OpsServer ops = OpsServer.start("sink", config.httpPort());
        BrokerProbe broker = BrokerProbe.start(config.kafka().clientProperties());
        config.kafka().ensureTopics();
        SinkService service = new SinkService(config, ops.registry());
        HangingTransactions hanging = HangingTransactions.start(broker.admin(),
                () -> List.of(config.kafka().topics().enriched.name()), List.of(), ops.registry());
        ops.readyWhen("broker", broker::answers).readyWhen("output", service::ready);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("sink stopping");
            service.stop();
            hanging.close();
            broker.close();
            ops.close();
            log.info("sink stopped cleanly");
        }, "sink-shutdown"));
        service.start();
        log.info("sink writing to {}", config.outputDir().toAbsolutePath());
        if (!service.awaitTermination()) {
            log.error("sink stopped on an error; see the log above");
            System.exit(1);
        }
    }
}
