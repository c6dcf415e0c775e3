package dev.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.newsflow.core.RawArticle;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates come out the same whatever the JVM's locale and zone: run under two of each. */
class FeedDatesTest {

    private Locale locale;
    private TimeZone zone;

    @BeforeEach
    void remember() {
        locale = Locale.getDefault();
        zone = TimeZone.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(locale);
        TimeZone.setDefault(zone);
    }

    @ParameterizedTest
    @CsvSource({"fr-FR,Europe/Paris", "tr-TR,America/Los_Angeles", "en-US,UTC"})
    void normalisesEveryCommonFormToUtcWhateverTheJvmLocale(String tag, String tz) throws IOException {
        Locale.setDefault(Locale.forLanguageTag(tag));
        TimeZone.setDefault(TimeZone.getTimeZone(tz));
        List<RawArticle> articles = new FeedParser(Clock.systemUTC())
                .parse(Fixtures.bytes("dates.xml"), null, "http://example.org/f", "http://example.org/f", null).articles();
        List<Instant> dates = articles.stream().map(RawArticle::publishedAt).toList();
        Instant ten = Instant.parse("2026-11-24T10:00:00Z");
        Instant nine = Instant.parse("2026-11-24T09:00:00Z");
        assertEquals(ten, dates.get(0), "RFC 822 GMT");
        assertEquals(nine, dates.get(1), "French abbreviated");
        assertEquals(nine, dates.get(2), "French long");
        assertEquals(ten, dates.get(3), "EST");
        assertEquals(ten, dates.get(4), "ISO with a space, no zone, taken as UTC");
        assertEquals(ten, dates.get(5), "dc:date");
        assertNull(dates.get(6), "no date is invented");
        assertNull(dates.get(7), "an unreadable date is not guessed");
        assertEquals(ten, dates.get(8), "RFC 822 with a numeric offset");
        assertEquals(ten, dates.get(9), "RFC 822 with a two-digit year");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Tue, 24 Nov 2026 10:00:00 +0000|2026-11-24T10:00:00Z",
            "24 Nov 2026 10:00 GMT|2026-11-24T10:00:00Z",
            "lun., 23 nov. 2026 23:30:00 -0100|2026-11-24T00:30:00Z",
            "2026-11-24T10:00:00.123+02:00|2026-11-24T08:00:00.123Z",
            "2026-11-24|2026-11-24T00:00:00Z",
            "Tue, 24 November 2026 10:00:00 PST|2026-11-24T18:00:00Z"})
    void parsesOddForms(String text, String expected) {
        assertEquals(Instant.parse(expected), FeedDates.parse(text));
    }
}
