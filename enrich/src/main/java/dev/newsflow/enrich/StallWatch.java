package dev.newsflow.enrich;

import java.time.Duration;
import java.time.Instant;

/**
 * Tells when enrich's Kafka Streams client is wedged: with the broker answering, either out of the running
 * state or running with records waiting for it, and neither a record processed nor a changelog batch restored
 * for a whole {@code timeout}. A client in that state waits on nothing that will come. The fault suite met one
 * after a broker restart: the client stayed rebalancing, its stream thread logged nothing more, and one
 * partition's articles stopped while the others' went on. A client that says it runs is judged by its input:
 * idle with nothing to read is health, idle with records waiting is not.
 *
 * <p>The timeout must outlast an honest rebalance, which may wait {@code max.poll.interval.ms} (5 minutes by
 * default) for a slow member. Time while the broker is away does not count, and neither does a gap between
 * two looks longer than {@code maxGap}: that is this process having been frozen (SIGSTOP, a long pause), and
 * the client deserves a full timeout from when it runs again.
 */
final class StallWatch {

    private final Duration timeout;
    private final Duration maxGap;
    private Instant since;
    private Instant lastLook;
    private long progress = Long.MIN_VALUE;

    /**
     * @param timeout how long without progress, with the broker up, is a stall
     * @param maxGap  the longest expected time between two looks
     */
    StallWatch(Duration timeout, Duration maxGap) {
        this.timeout = timeout;
        this.maxGap = maxGap;
    }

    /**
     * One look at the client. True once it has been stalled for the timeout; the watch then starts over, so
     * a replacement that stalls as well is reported again a full timeout later.
     *
     * @param running  whether the client is in the running state
     * @param waiting  whether records wait for it on partitions it has committed (its group's lag is not 0)
     * @param progress records processed plus records restored, any count that only grows while the client works
     */
    boolean stalled(boolean running, boolean waiting, boolean brokerAnswers, long progress, Instant now) {
        boolean frozen = lastLook != null && Duration.between(lastLook, now).compareTo(maxGap) > 0;
        lastLook = now;
        boolean runningWithNothingWaiting = running && !waiting;
        if (runningWithNothingWaiting || !brokerAnswers || progress != this.progress || frozen || since == null) {
            this.progress = progress;
            since = now;
            return false;
        }
        if (Duration.between(since, now).compareTo(timeout) < 0) {
            return false;
        }
        since = now;
        return true;
    }
}
