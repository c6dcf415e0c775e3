package dev.newsflow.ingest;

import dev.newsflow.core.Topics;
import dev.newsflow.core.config.ConfigException;
import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.ConfigSource;
import dev.newsflow.core.ops.BrokerProbe;
import dev.newsflow.core.ops.ExitOnStartFailure;
import dev.newsflow.core.ops.HangingTransactions;
import dev.newsflow.core.ops.OpsServer;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar ingest.jar [--config FILE]} runs the poller until SIGTERM;
 * {@code java -jar ingest.jar sample-feed [PORT]} serves the bundled sample feed for the local run;
 * {@code java -jar ingest.jar parse <url-or-file>} prints the articles of one feed as JSON Lines, offline.
 */
public final class IngestMain {

    private static final Logger log = LoggerFactory.getLogger(IngestMain.class);

    private IngestMain() {
    }

    /**
     * The JDK's HTTP client hands each response on through CompletableFuture's default executor, which, when
     * the common pool has fewer than two threads (as on two cores), starts a thread per task: one for every
     * poll, 16,000 in a two-and-a-half-minute benchmark run. Two pool threads are reused instead. It must run
     * before anything touches the pool, and leaves a size set on the command line alone.
     */
    private static void reuseThreadsForHttpResponses() {
        String parallelism = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(parallelism) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(parallelism, "2");
        }
    }

    public static void main(String[] args) throws Exception {
        reuseThreadsForHttpResponses();
        ExitOnStartFailure.install("ingest");
        List<String> argList = Arrays.asList(args);
        if (!argList.isEmpty() && argList.get(0).equals("sample-feed")) {
            serveSample(argList.size() > 1 ? Integer.parseInt(argList.get(1)) : 0);
            return;
        }
        if (!argList.isEmpty() && argList.get(0).equals("parse")) {
            System.exit(ParseCommand.run(argList.size() > 1 ? argList.get(1) : null, System.out, System.err));
            return;
        }
        IngestConfig config;
        FeedList feeds;
        try {
            ConfigReader reader = new ConfigReader(ConfigSource.fromArgs(argList));
            config = IngestConfig.read(reader);
            log.info("ingest starting with {}", reader.done());
            feeds = FeedList.load(config.feedsFile());
        } catch (ConfigException e) {
            log.error("ingest cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        } catch (IOException e) {
            log.error("ingest cannot read its feed list (ingest.feeds / NEWSFLOW_INGEST_FEEDS): {}", e.getMessage());
            System.exit(2);
            return;
        }
        feeds.problems().forEach(problem -> log.error("Skipping a feed: {}", problem));
        if (feeds.feeds().isEmpty()) {
            log.warn("The feed list {} holds no usable feed; nothing will be polled", config.feedsFile());
        }
        OpsServer ops = OpsServer.start("ingest", config.httpPort());
        BrokerProbe broker = BrokerProbe.start(config.kafka().clientProperties());
        config.kafka().ensureTopics();
        IngestService service = new IngestService(config, feeds.feeds(), Clock.systemUTC(), ops.registry());
        // What ingest writes in its transactions; it also reads its state topic, committed only, on each start.
        Topics topics = config.kafka().topics();
        HangingTransactions hanging = HangingTransactions.start(broker.admin(),
                () -> List.of(topics.raw.name(), topics.ingestState.name(), topics.feedStatus.name()), List.of(),
                ops.registry());
        ops.readyWhen("broker", broker::answers).readyWhen("polling", service::isPolling);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("ingest stopping");
            service.stop();
            hanging.close();
            broker.close();
            ops.close();
            log.info("ingest stopped cleanly");
        }, "ingest-shutdown"));
        try {
            service.start();
        } catch (IOException e) {
            log.error("ingest cannot start: {}", e.getMessage());
            service.stop();
            System.exit(1);
            return;
        }
        Throwable fatal = service.fatalError().get(); // returns only on a fatal error; SIGTERM ends the JVM instead
        log.error("ingest cannot go on: {}", fatal.getMessage());
        System.exit(1); // the shutdown hook stops the service cleanly
    }

    private static void serveSample(int port) throws IOException, InterruptedException {
        SampleFeedServer server = SampleFeedServer.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sample-feed-shutdown"));
        log.info("Serving the sample feed at {}", server.url());
        new CountDownLatch(1).await();
    }
}
