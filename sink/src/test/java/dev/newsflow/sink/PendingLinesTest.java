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

    private final PendingLines pending = new PendingLines(new RollPolicy(3, 1_000_000, Duration.ofHours(1)));

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
    void readsTheFeedItemOfAnArticleStraightFromItsJson() throws Exception {
        EnrichedArticle article = SampleArticles.article(5, "2026-11-17T08:00:00Z", SampleArticles.AI_GOVERNANCE,
                SampleArticles.APEC);
        assertEquals(FeedItem.of(article), FeedItem.fromEnrichedJson(SERDE.serialize("news.enriched", article)));
    }

    @Test
    void coversAnUnreadableRecordsOffsetWithoutALine() {
        pending.add(record(1, 40, article(1)), 0);
        pending.add(record(1, 41, "not json".getBytes(StandardCharsets.UTF_8)), 0);
        pending.add(record(1, 42, null), 0);
        String withoutFeed = new String(article(2), StandardCharsets.UTF_8).replaceFirst("\"feed\":\\{[^}]*\\},", "");
        pending.add(record(1, 43, withoutFeed.getBytes(StandardCharsets.UTF_8)), 0);

        PartitionBuffer buffer = pending.due(1, true).keySet().iterator().next();

        assertEquals(1, buffer.records());
        assertEquals(44, buffer.nextOffset());
    }

    @Test
    void keepsEnrichsCompactBytesAsTheyAreAndPutsAValueSpanningLinesOnOne() throws Exception {
        // A field this sink does not know yet is kept: the archive holds what enrich wrote.
        String compact = new String(article(1), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"addedLater\":1,");
        pending.add(record(2, 0, compact.getBytes(StandardCharsets.UTF_8)), 0);
        byte[] pretty = dev.newsflow.core.Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(SampleArticles.article(2, "2026-11-17T08:00:00Z"));
        pending.add(record(2, 1, pretty), 0);

        List<String> lines = pending.due(1, true).keySet().iterator().next().linesByDate().values().iterator().next()
                .stream().map(line -> new String(line, StandardCharsets.UTF_8)).toList();
        String written = String.join("\n", lines);
        assertEquals(2, lines.size(), written);
        assertEquals(compact, lines.get(0));
        assertEquals(new String(article(2), StandardCharsets.UTF_8), lines.get(1));
    }

    @Test
    void putsAValueWithALineBreakBeforeOrAfterItOnOneLine() {
        String compact = new String(article(3), StandardCharsets.UTF_8);
        for (String value : List.of(compact + "\n", "\r\n" + compact, compact + " \r")) {
            pending.add(record(3, 0, value.getBytes(StandardCharsets.UTF_8)), 0);
            PartitionBuffer buffer = pending.due(1, true).keySet().iterator().next();
            List<byte[]> lines = buffer.linesByDate().values().iterator().next();
            assertEquals(compact, new String(lines.get(0), StandardCharsets.UTF_8), () -> "from " + value.strip());
            pending.rolled(buffer);
        }
    }

    @Test
    void forgetsThePartitionsItNoLongerOwns() {
        pending.add(record(1, 40, article(1)), 0);
        pending.drop(List.of(new org.apache.kafka.common.TopicPartition("news.enriched", 1)));
        assertTrue(pending.isEmpty());
    }
}
