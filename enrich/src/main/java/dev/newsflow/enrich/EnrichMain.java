package dev.newsflow.enrich;

import dev.newsflow.core.config.ConfigException;
import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.ConfigSource;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar enrich.jar [--config FILE]}: runs the enrich stream until SIGTERM. */
public final class EnrichMain {

    private static final Logger log = LoggerFactory.getLogger(EnrichMain.class);

    private EnrichMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EnrichConfig config;
        try {
            ConfigReader reader = new ConfigReader(ConfigSource.fromArgs(Arrays.asList(args)));
            config = EnrichConfig.read(reader);
            log.info("enrich starting with {}", reader.done());
        } catch (ConfigException e) {
            log.error("enrich cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        config.kafka().ensureTopics();
        EnrichService service = new EnrichService(config, new KeywordTagger(Clock.systemUTC()), Clock.systemUTC());
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean failed = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("enrich stopping");
            service.stop();
            log.info("enrich stopped cleanly");
            done.countDown();
        }, "enrich-shutdown"));
        service.start(() -> {
            failed.set(true);
            done.countDown();
        });
        done.await();
        if (failed.get()) {
            log.error("enrich stopped on a fatal error; see the log above");
            System.exit(1);
        }
    }
}
