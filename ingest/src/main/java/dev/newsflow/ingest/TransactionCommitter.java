package dev.newsflow.ingest;

import dev.newsflow.core.ops.DaemonThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes units of records, each all or nothing, through one transactional producer. A producer runs one
 * transaction at a time while polls finish on many threads, so callers only enqueue (no poller ever waits on
 * Kafka) and one thread commits: it takes whatever units are ready, gathering for at most {@link #LINGER} or
 * up to {@link #MAX_RECORDS} records, and commits them as one transaction.
 *
 * <p>Errors: a failed transaction is aborted and its units fail, so their polls retry; when the broker refused
 * a record, the units are tried again one transaction each, so one poll's bad record fails only that poll.
 * Fencing (another instance took the {@code transactional.id}) is fatal: every unit fails from then on and
 * {@link #fatalError()} completes. A producer left unusable by anything else is replaced by a new one.
 */
final class TransactionCommitter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransactionCommitter.class);

    static final Duration LINGER = Duration.ofMillis(50);
    static final int MAX_RECORDS = 1_000;
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private record Unit(List<ProducerRecord<String, byte[]>> records, CompletableFuture<Void> done) {
    }

    /** Thrown inside the committer when the producer cannot go on; ends the committer. */
    private static final class Fatal extends RuntimeException {
        Fatal(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Supplier<Producer<String, byte[]>> producers;
    private final String transactionalId;
    private final BlockingQueue<Unit> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Throwable> fatal = new CompletableFuture<>();
    /** Completes callers' futures off the committer thread, so their continuations never delay a commit. */
    private final ExecutorService completions =
            Executors.newSingleThreadExecutor(DaemonThreads.named("ingest-commit-callbacks"));
    private final Thread thread = DaemonThreads.named("ingest-committer").newThread(this::run);
    /** Touched by the committer thread only, once started; null while none works. */
    private Producer<String, byte[]> producer;
    private volatile boolean closing;
    /** False once the committer thread has ended; guarded by {@code queue}, so no unit is left behind unanswered. */
    private boolean accepting = true;

    /** @param producers builds a transactional producer; called again only to replace a broken one */
    TransactionCommitter(Supplier<Producer<String, byte[]>> producers, String transactionalId) {
        this.producers = producers;
        this.transactionalId = transactionalId;
    }

    /**
     * Claims the {@code transactional.id}, which fences any earlier instance and completes its open transaction
     * (aborted, or committed if it was committing), then starts committing. Blocks up to {@code max.block.ms}.
     *
     * @throws IOException when the broker does not answer or refuses the id
     */
    void start() throws IOException {
        try {
            producer = producers.get();
            producer.initTransactions();
        } catch (KafkaException e) {
            closeProducer();
            throw new IOException("could not start transactions as '" + transactionalId + "': " + e.getMessage(), e);
        }
        thread.start();
    }

    /** Completes once the records are committed, exceptionally with an {@link IOException} when they are not. */
    CompletableFuture<Void> submit(List<ProducerRecord<String, byte[]>> records) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (queue) {
            if (accepting) {
                queue.add(new Unit(List.copyOf(records), done));
                return done;
            }
        }
        done.completeExceptionally(new IOException("not committed: ingest stopped publishing"));
        return done;
    }

    /** Completes with the cause when the committer stopped for good; never completes on a normal run. */
    CompletableFuture<Throwable> fatalError() {
        return fatal;
    }

    private void run() {
        List<Unit> batch = List.of();
        try {
            while ((batch = nextBatch()) != null) {
                commit(batch);
            }
            batch = List.of();
        } catch (Fatal e) {
            log.error("ingest stops publishing: {}", e.getMessage(), e.getCause());
            fatal.complete(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closing) { // a committer that died silently would leave every poll waiting
                log.error("ingest stops publishing after an unexpected error", e);
                fatal.complete(e);
            }
        } finally {
            closeProducer();
            List<Unit> left = new ArrayList<>(batch); // units already answered ignore a second answer
            synchronized (queue) {
                accepting = false;
                queue.drainTo(left);
            }
            fail(left, new IOException("not committed: ingest stopped publishing"));
        }
    }

    /** The next units to commit together; null once closing and nothing is left. */
    private List<Unit> nextBatch() throws InterruptedException {
        Unit first = null;
        while (first == null) {
            if (closing && queue.isEmpty()) {
                return null;
            }
            first = queue.poll(100, TimeUnit.MILLISECONDS);
        }
        List<Unit> batch = new ArrayList<>();
        batch.add(first);
        int records = first.records().size();
        long until = System.nanoTime() + LINGER.toNanos();
        while (records < MAX_RECORDS) {
            long left = until - System.nanoTime();
            Unit next = left > 0 && !closing ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
            records += next.records().size();
        }
        return batch;
    }

    private void commit(List<Unit> batch) {
        KafkaException error = transaction(batch);
        if (error == null) {
            batch.forEach(this::succeed);
        } else if (batch.size() > 1 && !(rootCause(error) instanceof RetriableException)) {
            log.warn("A transaction of {} writes was refused ({}); committing them one by one", batch.size(),
                    error.getMessage());
            for (Unit unit : batch) {
                KafkaException alone = transaction(List.of(unit));
                if (alone == null) {
                    succeed(unit);
                } else {
                    fail(List.of(unit), failure(alone));
                }
            }
        } else {
            fail(batch, failure(error));
        }
    }

    /** One transaction: null once committed, else the error, after aborting. */
    private KafkaException transaction(List<Unit> units) {
        AtomicReference<Exception> refused = new AtomicReference<>();
        try {
            producer.beginTransaction();
            for (Unit unit : units) {
                for (ProducerRecord<String, byte[]> record : unit.records()) {
                    producer.send(record, (metadata, e) -> {
                        if (e != null) {
                            refused.compareAndSet(null, e);
                        }
                    });
                }
            }
            commitTransaction();
            return null;
        } catch (KafkaException | IllegalStateException e) {
            if (isFenced(e)) {
                throw fenced(e);
            }
            abort();
            Exception first = refused.get();
            // The refusal of a record says more than the commit's "cannot commit, some sends failed".
            return first instanceof KafkaException k ? k : e instanceof KafkaException k ? k : new KafkaException(e);
        }
    }

    /**
     * A commit that times out may still complete on the broker, so it is retried, never abandoned for an abort
     * (which the producer refuses then): giving up would release articles that may be published after all.
     */
    private void commitTransaction() {
        while (true) {
            try {
                producer.commitTransaction();
                return;
            } catch (TimeoutException e) {
                if (closing) {
                    throw e;
                }
                log.warn("Kafka has not confirmed a commit within max.block.ms; asking again");
            }
        }
    }

    private void abort() {
        while (true) {
            try {
                producer.abortTransaction();
                return;
            } catch (TimeoutException e) {
                if (closing) {
                    renew();
                    return;
                }
                log.warn("Kafka has not confirmed an abort within max.block.ms; asking again");
            } catch (KafkaException | IllegalStateException e) {
                if (isFenced(e)) {
                    throw fenced(e);
                }
                log.warn("The producer cannot abort ({}); replacing it", e.getMessage());
                renew();
                return;
            }
        }
    }

    /**
     * Replaces an unusable producer: the new one's {@code initTransactions} bumps the epoch, which aborts whatever
     * the old one left open. Fatal when the broker refuses the id; retried while it does not answer.
     */
    private void renew() {
        closeProducer();
        while (!closing) {
            producer = producers.get();
            try {
                producer.initTransactions();
                return;
            } catch (ProducerFencedException | AuthorizationException | UnsupportedVersionException e) {
                throw new Fatal("the broker refuses transactions as '" + transactionalId + "': " + e.getMessage(), e);
            } catch (KafkaException e) {
                closeProducer();
                if (e instanceof InterruptException) {
                    throw e;
                }
                log.warn("Could not restart transactions ({}); trying again in {}", e.getMessage(), RETRY_BACKOFF);
                try {
                    Thread.sleep(RETRY_BACKOFF.toMillis()); // the committer's own pace, on its own thread
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new InterruptException(interrupted);
                }
            }
        }
        throw new KafkaException("stopping, with no working producer");
    }

    private Fatal fenced(Throwable e) {
        return new Fatal("another instance now publishes with transactional.id '" + transactionalId
                + "' (ingest.transactional.id); two ingests must never share one", e);
    }

    private static boolean isFenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static IOException failure(KafkaException e) {
        return new IOException("Kafka did not commit the transaction, which was aborted: " + e.getMessage(), e);
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private void succeed(Unit unit) {
        answer(() -> unit.done().complete(null));
    }

    private void fail(List<Unit> units, IOException error) {
        for (Unit unit : units) {
            answer(() -> unit.done().completeExceptionally(error));
        }
    }

    private void answer(Runnable completion) {
        try {
            completions.execute(completion);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            completion.run(); // closed: nothing left to delay
        }
    }

    /**
     * Commits what is queued, then stops; after {@code timeout}, stops anyway and fails what is left. Idempotent.
     */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    void close(Duration timeout) {
        closing = true;
        if (thread.getState() != Thread.State.NEW) {
            try {
                thread.join(timeout.toMillis());
                if (thread.isAlive()) {
                    log.warn("Commits did not finish within {}; stopping them", timeout);
                    thread.interrupt();
                    thread.join(timeout.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        completions.shutdown();
    }
}
