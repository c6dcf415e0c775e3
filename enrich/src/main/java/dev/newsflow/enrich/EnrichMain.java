package dev.newsflow.enrich;

import dev.newsflow.core.Topics;
import dev.newsflow.core.config.ConfigException;
import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.ConfigSource;
import dev.newsflow.core.config.KafkaSettings;
import dev.newsflow.core.ops.BrokerProbe;
import dev.newsflow.core.ops.ExitOnStartFailure;
import dev.newsflow.core.ops.HangingTransactions;
import dev.newsflow.core.ops.OpsServer;
import dev.newsflow.enrich.tagging.LanguageGuesser;
import dev.newsflow.enrich.taxonomy.Taxonomy;
import dev.newsflow.enrich.taxonomy.TaxonomyException;
import dev.newsflow.enrich.taxonomy.TaxonomyLoader;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar enrich.jar [--config FILE]}: runs the enrich stream until SIGTERM.
 * {@code java -jar enrich.jar tag [--taxonomy FILE]}: tags raw-article JSON Lines from stdin to stdout.
 * {@code java -jar enrich.jar publish-taxonomy FILE [--config FILE]}: validates a taxonomy and publishes it
 * to the taxonomy topic, where running instances apply it to their next records.
 */
public final class EnrichMain {

    private static final Logger log = LoggerFactory.getLogger(EnrichMain.class);

    private EnrichMain() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() || arguments.get(0).startsWith("--") ? "run" : arguments.get(0);
        ExitOnStartFailure.install("enrich");
        int status = switch (command) {
            case "run" -> run(arguments);
            case "tag" -> tag(arguments);
            case "publish-taxonomy" -> publishTaxonomy(arguments);
            default -> {
                System.err.println("usage: enrich.jar [--config FILE] | tag [--taxonomy FILE]"
                        + " | publish-taxonomy FILE [--config FILE]");
                yield 2;
            }
        };
        // Exit only on failure: after a clean SIGTERM the shutdown hook is still running, and exit would block.
        if (status != 0) {
            System.exit(status);
        }
    }

    private static int run(List<String> args) throws InterruptedException, IOException {
        EnrichConfig config;
        try {
            ConfigReader reader = new ConfigReader(ConfigSource.fromArgs(args));
            config = EnrichConfig.read(reader);
            log.info("enrich starting with {}", reader.done());
        } catch (ConfigException e) {
            log.error("enrich cannot start: {}", e.getMessage());
            return 2;
        }
        Taxonomy initial;
        try {
            initial = config.taxonomyFile().isPresent()
                    ? TaxonomyLoader.parse(Files.readString(config.taxonomyFile().get(), StandardCharsets.UTF_8))
                    : TaxonomyLoader.bundled();
        } catch (TaxonomyException e) {
            log.error("enrich cannot start: {}", e.getMessage());
            return 2;
        }
        OpsServer ops = OpsServer.start("enrich", config.httpPort());
        BrokerProbe broker = BrokerProbe.start(config.kafka().clientProperties());
        config.kafka().ensureTopics();
        Clock clock = Clock.systemUTC();
        CurrentTaxonomy taxonomy = new CurrentTaxonomy(initial, new LanguageGuesser(config.languageAccuracy()), clock);
        log.info("tagging with taxonomy {} until a newer one is published", taxonomy.version());
        EnrichService service = new EnrichService(config, taxonomy, clock, ops.registry(), broker::answers,
                WatchedStreams.groupLag(broker.admin(), config.applicationId()));
        // Streams commits its input offsets in its transactions, under the application id as group.
        HangingTransactions hanging = HangingTransactions.start(broker.admin(),
                () -> topicsOfItsTransactions(broker.admin(), config), List.of(config.applicationId()),
                ops.registry());
        ops.readyWhen("broker", broker::answers).readyWhen("streams", service::isRunning);
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean failed = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("enrich stopping");
            service.stop();
            hanging.close();
            broker.close();
            ops.close();
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
            return 1;
        }
        return 0;
    }

    /**
     * The topics enrich reads or writes in its transactions: the raw articles, its outputs, and its own
     * internal topics (the changelogs it restores its stores from, the repartition topic of the trends), which
     * appear as the topology runs.
     */
    private static List<String> topicsOfItsTransactions(Admin admin, EnrichConfig config) throws Exception {
        Topics topics = config.kafka().topics();
        Set<String> named = Set.of(topics.raw.name(), topics.enriched.name(), topics.deadLetters.name(),
                topics.tagTrends.name());
        String internal = config.applicationId() + "-";
        return admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                .filter(topic -> named.contains(topic) || topic.startsWith(internal))
                .toList();
    }

    private static int tag(List<String> args) throws IOException {
        int flag = args.indexOf("--taxonomy");
        Taxonomy taxonomy;
        try {
            taxonomy = flag >= 0 && flag + 1 < args.size()
                    ? TaxonomyLoader.parse(Files.readString(Path.of(args.get(flag + 1)), StandardCharsets.UTF_8))
                    : TaxonomyLoader.bundled();
        } catch (TaxonomyException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Clock clock = Clock.systemUTC();
        var command = new TagCommand(new CurrentTaxonomy(taxonomy, new LanguageGuesser(), clock));
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        return command.run(in, out, System.err) == 0 ? 0 : 1;
    }

    private static int publishTaxonomy(List<String> args) throws InterruptedException, IOException {
        if (args.size() < 2 || args.get(1).startsWith("--")) {
            System.err.println("usage: enrich.jar publish-taxonomy FILE [--config FILE]");
            return 2;
        }
        KafkaSettings kafka;
        try {
            ConfigReader reader = new ConfigReader(ConfigSource.fromArgs(args));
            kafka = KafkaSettings.read(reader);
            reader.done();
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try {
            kafka.ensureTopics();
            Taxonomy published = TaxonomyPublisher.publish(kafka,
                    Files.readString(Path.of(args.get(1)), StandardCharsets.UTF_8));
            System.err.printf("published taxonomy %s (%d topics, %d entities) to %s%n", published.version(),
                    published.topics().size(), published.entities().size(), kafka.topics().taxonomy.name());
            return 0;
        } catch (TaxonomyException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            System.err.println("could not publish the taxonomy: " + e.getMessage());
            return 1;
        }
    }
}
