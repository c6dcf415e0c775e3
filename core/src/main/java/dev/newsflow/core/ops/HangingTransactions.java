package dev.newsflow.core.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and aborts hanging transactions on the topics a service names: those its own transactions write and
 * those it reads committed records from; and, for a service that commits its input offsets inside its
 * transactions, on the partition of {@code __consumer_offsets} that holds its group's. A transaction hangs
 * when it is open on a partition its coordinator does not count among the partitions of the producer's
 * transaction. A broker crash can leave one behind, and so can a partition with no leader while its
 * coordinator resends markers: Kafka skips that partition's marker as if it were deleted (a single broker
 * killed and started again meets this; the local broker is fenced first to avoid it). No marker ever comes,
 * so the partition's last stable offset stays at the transaction's first record and no read_committed
 * consumer reads past it; among a group's offsets, the group's offset for that input partition stays
 * unstable and no member can start on it.
 *
 * <p>The rule is the one of Kafka's {@code kafka-transactions.sh find-hanging}: open longer than any
 * transaction may stay open (the broker's {@code transaction.max.timeout.ms}), here counted from when this
 * sweeper first saw it, since a Streams application stamps records with their input's time; and not among
 * the partitions the coordinator lists for that producer. Such a transaction gets an abort marker, as
 * {@code kafka-transactions.sh abort} writes it: the only marker Kafka's admin API can write. No reader has
 * seen its records. After a restart's skip its coordinator may have decided to commit it, though; the abort
 * is then consistent where all of its partitions are aborted together, its input offsets with its output.
 */
public final class HangingTransactions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HangingTransactions.class);
    private static final Duration EVERY = Duration.ofSeconds(15);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
    private static final String OFFSETS_TOPIC = "__consumer_offsets";

    /** One transaction open on one partition, as the partition's leader describes it. */
    public record OpenTransaction(TopicPartition partition, long producerId, int producerEpoch, long startOffset,
                                  int coordinatorEpoch) {

        AbortTransactionSpec abortSpec() {
            // A transaction that hung before its producer's first commit has no coordinator epoch yet; 0 is at
            // most any epoch the partition can hold, as Kafka's own abort command reasons.
            return new AbortTransactionSpec(partition, producerId, (short) producerEpoch,
                    Math.max(0, coordinatorEpoch));
        }
    }

    private final Admin admin;
    private final Callable<Collection<String>> topics;
    private final Collection<String> groups;
    private final Clock clock;
    private final Counter aborted;
    private final Map<OpenTransaction, Instant> firstSeen = new HashMap<>();
    private Duration patience;
    private ScheduledExecutorService timer;
    private boolean lastLookFailed;
    private boolean offsetsDenied;

    /**
     * @param topics   the topics to look at, asked again on each look (a Streams application's internal
     *                 topics appear as it runs)
     * @param groups   the consumer groups whose offsets the service commits inside its transactions
     * @param patience how long a transaction may stay open before it may be hanging; null for the broker's
     *                 {@code transaction.max.timeout.ms}, read on the first look that reaches it
     */
    public HangingTransactions(Admin admin, Callable<Collection<String>> topics, Collection<String> groups,
                               Duration patience, Clock clock, MeterRegistry registry) {
        this.admin = admin;
        this.topics = topics;
        this.groups = List.copyOf(groups);
        this.patience = patience;
        this.clock = clock;
        this.aborted = Counter.builder("newsflow.transactions.hanging.aborted")
                .description("Hanging transactions aborted on the topics this service writes or reads")
                .register(registry);
    }

    /** Looks every 15 s, with the broker's {@code transaction.max.timeout.ms} as patience. */
    public static HangingTransactions start(Admin admin, Callable<Collection<String>> topics,
                                            Collection<String> groups, MeterRegistry registry) {
        HangingTransactions sweeper = new HangingTransactions(admin, topics, groups, null, Clock.systemUTC(),
                registry);
        sweeper.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("hanging-transactions"));
        sweeper.timer.scheduleWithFixedDelay(sweeper::lookQuietly, EVERY.toMillis(), EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return sweeper;
    }

    /** One look: notes the open transactions and aborts those that hang. Returns the ones it aborted. */
    public synchronized List<OpenTransaction> look() throws Exception {
        if (patience == null) {
            patience = maxTransactionTimeout(admin);
        }
        Instant now = clock.instant();
        Set<OpenTransaction> open = openTransactions(partitions());
        open.addAll(openAmongGroupOffsets());
        firstSeen.keySet().retainAll(open);
        open.forEach(transaction -> firstSeen.putIfAbsent(transaction, now));
        List<OpenTransaction> overdue = open.stream()
                .filter(transaction -> !firstSeen.get(transaction).plus(patience).isAfter(now))
                .toList();
        if (overdue.isEmpty()) {
            return List.of();
        }
        List<OpenTransaction> abortedNow = new ArrayList<>();
        for (var hanging : notHeldByTheirCoordinator(overdue).entrySet()) {
            OpenTransaction transaction = hanging.getKey();
            try {
                admin.abortTransaction(transaction.abortSpec()).all().get(millis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                // Writing the marker needs ClusterAction on the cluster, which a locked-down service may lack.
                log.error("cannot abort the transaction hanging on {} from offset {} (producer {}): {}; readers of "
                                + "committed records wait behind it until it is: kafka-transactions.sh abort "
                                + "--topic {} --partition {} --start-offset {}", transaction.partition(),
                        transaction.startOffset(), transaction.producerId(), e.getCause().toString(),
                        transaction.partition().topic(), transaction.partition().partition(),
                        transaction.startOffset());
                continue;
            }
            firstSeen.remove(transaction);
            aborted.increment();
            abortedNow.add(transaction);
            log.warn("aborted a hanging transaction on {}: producer {} epoch {}, open from offset {} for over {}; "
                            + "its coordinator {}", transaction.partition(), transaction.producerId(),
                    transaction.producerEpoch(), transaction.startOffset(), patience, hanging.getValue());
        }
        return abortedNow;
    }

    private void lookQuietly() {
        try {
            look();
            lastLookFailed = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The broker may be away, which the readiness probe reports, or may not let this client describe
            // its configs or producers; say it once, not every 15 s.
            if (!lastLookFailed) {
                log.warn("cannot look for hanging transactions: {}", e.toString());
            }
            lastLookFailed = true;
        }
    }

    private List<TopicPartition> partitions() throws Exception {
        Collection<String> names = topics.call();
        if (names.isEmpty()) {
            return List.of();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(names).allTopicNames().get(millis(), TimeUnit.MILLISECONDS)
                .forEach((topic, description) -> description.partitions()
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        return partitions;
    }

    /**
     * The transactions open among the groups' offsets. A service allowed its own topics may still be denied
     * {@code __consumer_offsets}; that is said once, and the rest of the look goes on.
     */
    private Set<OpenTransaction> openAmongGroupOffsets() throws Exception {
        if (groups.isEmpty()) {
            return Set.of();
        }
        try {
            int count = admin.describeTopics(List.of(OFFSETS_TOPIC)).allTopicNames()
                    .get(millis(), TimeUnit.MILLISECONDS).get(OFFSETS_TOPIC).partitions().size();
            Set<OpenTransaction> open = openTransactions(
                    groups.stream().map(group -> offsetsPartitionOf(group, count)).distinct().toList());
            offsetsDenied = false;
            return open;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof AuthorizationException)) {
                throw e;
            }
            if (!offsetsDenied) {
                log.warn("cannot look for hanging transactions among the offsets of {}: {}; one hanging there "
                        + "holds the group's offset unstable until an operator aborts it (kafka-transactions.sh "
                        + "find-hanging, then abort)", groups, e.getCause().toString());
            }
            offsetsDenied = true;
            return Set.of();
        }
    }

    /** The partition of {@code __consumer_offsets} that holds a group's offsets, as Kafka places groups. */
    private static TopicPartition offsetsPartitionOf(String group, int partitionCount) {
        return new TopicPartition(OFFSETS_TOPIC, Utils.abs(group.hashCode()) % partitionCount);
    }

    private Set<OpenTransaction> openTransactions(List<TopicPartition> partitions) throws Exception {
        Set<OpenTransaction> open = new HashSet<>();
        if (partitions.isEmpty()) {
            return open;
        }
        admin.describeProducers(partitions).all().get(millis(), TimeUnit.MILLISECONDS)
                .forEach((partition, state) -> state.activeProducers().forEach(producer ->
                        producer.currentTransactionStartOffset().ifPresent(start -> open.add(new OpenTransaction(
                                partition, producer.producerId(), producer.producerEpoch(), start,
                                producer.coordinatorEpoch().orElse(-1))))));
        return open;
    }

    /** The overdue transactions their coordinator does not hold, each with what it holds instead, for the log. */
    private Map<OpenTransaction, String> notHeldByTheirCoordinator(List<OpenTransaction> overdue) throws Exception {
        Set<Long> producerIds = new HashSet<>();
        overdue.forEach(transaction -> producerIds.add(transaction.producerId()));
        Map<Long, String> transactionalIds = new HashMap<>();
        for (TransactionListing listing : admin.listTransactions(new ListTransactionsOptions()
                .filterProducerIds(producerIds)).all().get(millis(), TimeUnit.MILLISECONDS)) {
            transactionalIds.put(listing.producerId(), listing.transactionalId());
        }
        Map<String, TransactionDescription> descriptions = describe(transactionalIds.values());
        Map<OpenTransaction, String> hanging = new LinkedHashMap<>();
        for (OpenTransaction transaction : overdue) {
            String transactionalId = transactionalIds.get(transaction.producerId());
            TransactionDescription current = descriptions.get(transactionalId);
            // The coordinator lists every partition of an ongoing transaction, and, while it commits or
            // aborts one, every partition still waiting for its marker.
            if (current == null) {
                hanging.put(transaction, "knows no transaction of that producer");
            } else if (!current.topicPartitions().contains(transaction.partition())) {
                hanging.put(transaction, "holds " + transactionalId + " " + current.state() + " at epoch "
                        + current.producerEpoch() + " on " + current.topicPartitions() + ", not that partition");
            }
        }
        return hanging;
    }

    private Map<String, TransactionDescription> describe(Collection<String> transactionalIds) throws Exception {
        Map<String, TransactionDescription> descriptions = new HashMap<>();
        if (transactionalIds.isEmpty()) {
            return descriptions;
        }
        var result = admin.describeTransactions(transactionalIds);
        for (String id : transactionalIds) {
            try {
                descriptions.put(id, result.description(id).get(millis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
                    throw e;
                }
            }
        }
        return descriptions;
    }

    /** The broker's {@code transaction.max.timeout.ms}: no transaction its coordinator knows stays open longer. */
    private static Duration maxTransactionTimeout(Admin admin) throws Exception {
        String node = admin.describeCluster().nodes().get(millis(), TimeUnit.MILLISECONDS)
                .iterator().next().idString();
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node);
        var entry = admin.describeConfigs(List.of(broker)).all().get(millis(), TimeUnit.MILLISECONDS)
                .get(broker).get("transaction.max.timeout.ms");
        return Duration.ofMillis(Long.parseLong(entry.value()));
    }

    private static long millis() {
        return ASK_TIMEOUT.toMillis();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
