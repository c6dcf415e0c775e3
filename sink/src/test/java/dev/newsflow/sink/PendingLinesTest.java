package dev.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.JsonSerde;
import dev.newsflow.core.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PendingLinesTest {

    private static final JsonSerde<EnrichedArticle> SERDE = new JsonSerde<>(EnrichedArticle.class);

    private final PendingLines pending = new PendingLines(SERDE, new RollPolicy(3, 1_000_000, Duration.ofHours(1)));

    private static ConsumerRecord<String, byte[]> record(int partition, long offset, byte[] value) {
        return new ConsumerRecord<>("news.enriched", partition, offset, "key", value);
    }

    private static byte[] article(int n) {
        return SERDE.serialize("news.enriched", SampleArticles.article(n, "2026-11-17T08:00:00Z"));
    }

    @Test
    void sealsABufferAtTheRecordCountSoNoFileHoldsMoreHoweverLargeThePoll() {
        for (int offset = 0; offset < 7; offset++) {
            pending.add(record(0, offset, article(offset)), 0);
        }

        var due = List.copyOf(pending.due(1, false).keySet());

        assertEquals(List.of("news.enriched+0+00000000000000000000+00000000000000000002.jsonl",
                "news.enriched+0+00000000000000000003+00000000000000000005.jsonl"),
                due.stream().map(b -> b.fileName().finalName()).toList());
        pending.rolled(due.get(0));
        pending.rolled(due.get(1));
        assertEquals(1, pending.due(1, true).keySet().iterator().next().records(), "the seventh waits");
    }

    @Test
    void coversAnUnreadableRecordsOffsetWithoutALine() {
        pending.add(record(1, 40, article(1)), 0);
        pending.add(record(1, 41, "not json".getBytes(StandardCharsets.UTF_8)), 0);
        pending.add(record(1, 42, null), 0);

        PartitionBuffer buffer = pending.due(1, true).keySet().iterator().next();

        assertEquals(1, buffer.records());
        assertEquals(43, buffer.nextOffset());
    }

    @Test
    void forgetsThePartitionsItNoLongerOwns() {
        pending.add(record(1, 40, article(1)), 0);
        pending.drop(List.of(new org.apache.kafka.common.TopicPartition("news.enriched", 1)));
        assertTrue(pending.isEmpty());
    }
}
