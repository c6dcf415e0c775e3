package dev.newsflow.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private final JsonSerde<RawArticle> rawSerde = new JsonSerde<>(RawArticle.class);
    private final JsonSerde<EnrichedArticle> enrichedSerde = new JsonSerde<>(EnrichedArticle.class);

    @Test
    void roundTripsARawArticle() {
        RawArticle article = Articles.shanghaiAiBody();
        assertEquals(article, rawSerde.deserialize("t", rawSerde.serialize("t", article)));
    }

    @Test
    void roundTripsAnEnrichedArticle() {
        EnrichedArticle article = enriched();
        assertEquals(article, enrichedSerde.deserialize("t", enrichedSerde.serialize("t", article)));
    }

    @Test
    void roundTripsFeedStatusAndTrends() {
        var statusSerde = new JsonSerde<>(FeedStatus.class);
        var status = new FeedStatus(1, "https://a.example/feed", FeedStatus.Outcome.NOT_MODIFIED, 304, 0, 0, 0, 0, 0,
                12, null, 0, Instant.parse("2026-11-16T08:00:00Z"), Instant.parse("2026-11-16T08:15:00Z"));
        assertEquals(status, statusSerde.deserialize("t", statusSerde.serialize("t", status)));
        var trendSerde = new JsonSerde<>(TagTrend.class);
        var trend = new TagTrend("topic", "apec", Instant.parse("2026-11-16T08:00:00Z"),
                Instant.parse("2026-11-16T09:00:00Z"), 7);
        assertEquals(trend, trendSerde.deserialize("t", trendSerde.serialize("t", trend)));
    }

    @Test
    void writesDatesAsIsoStringsInUtc() {
        String json = new String(rawSerde.serialize("t", Articles.shanghaiAiBody()), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"publishedAt\":\"2026-11-16T07:30:00Z\""), json);
    }

    @Test
    void keepsNullAsATombstone() {
        assertNull(rawSerde.serialize("t", null));
        assertNull(rawSerde.deserialize("t", null));
    }

    @Test
    void namesTheTopicAndPlaceOfUnreadableBytes() {
        var e = assertThrows(SerializationException.class,
                () -> rawSerde.deserialize("news.raw", "{\"id\": oops}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("news.raw"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void refusesARecordWithoutItsRequiredFields() {
        var e = assertThrows(SerializationException.class,
                () -> rawSerde.deserialize("news.raw", "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("RawArticle"), e.getMessage());
    }

    static EnrichedArticle enriched() {
        var evidence = List.of(new Evidence("summary", 13, 17, "APEC"));
        return EnrichedArticle.of(Articles.shanghaiAiBody(), "fr",
                List.of(new TopicTag("apec", "APEC", 3.0, evidence)),
                List.of(new EntityTag("APEC", "ORGANIZATION", 1, evidence)),
                "2026.11.1", Instant.parse("2026-11-16T08:00:01Z"));
    }
}
