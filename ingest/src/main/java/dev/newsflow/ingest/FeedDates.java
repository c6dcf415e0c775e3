package dev.newsflow.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates feeds actually carry (RFC 822 in English or French, ISO-8601 with or without zone,
 * with a space instead of 'T', zone names such as GMT/EST) into UTC instants, never with the JVM
 * locale or zone: a date without a zone is taken as UTC. Returns null rather than guessing.
 */
final class FeedDates {

    private static final Map<String, String> MONTHS = Map.ofEntries(
            Map.entry("janv", "Jan"), Map.entry("janvier", "Jan"), Map.entry("févr", "Feb"),
            Map.entry("fevr", "Feb"), Map.entry("février", "Feb"), Map.entry("fevrier", "Feb"),
            Map.entry("mars", "Mar"), Map.entry("avr", "Apr"), Map.entry("avril", "Apr"), Map.entry("mai", "May"),
            Map.entry("juin", "Jun"), Map.entry("juil", "Jul"), Map.entry("juillet", "Jul"),
            Map.entry("août", "Aug"), Map.entry("aout", "Aug"), Map.entry("sept", "Sep"),
            Map.entry("septembre", "Sep"), Map.entry("oct", "Oct"), Map.entry("octobre", "Oct"),
            Map.entry("nov", "Nov"), Map.entry("novembre", "Nov"), Map.entry("déc", "Dec"), Map.entry("dec", "Dec"),
            Map.entry("décembre", "Dec"), Map.entry("decembre", "Dec"),
            Map.entry("january", "Jan"), Map.entry("february", "Feb"), Map.entry("march", "Mar"),
            Map.entry("april", "Apr"), Map.entry("june", "Jun"), Map.entry("july", "Jul"),
            Map.entry("august", "Aug"), Map.entry("september", "Sep"), Map.entry("october", "Oct"),
            Map.entry("november", "Nov"), Map.entry("december", "Dec"));
    private static final Pattern WORD = Pattern.compile("\\p{L}+\\.?");
    /** Zone names seen in feeds; RFC 822 allows only a few, feeds use more. */
    private static final Map<String, String> ZONES = Map.of("UT", "+0000", "UTC", "+0000", "GMT", "+0000", "Z", "+0000",
            "EST", "-0500", "EDT", "-0400", "CST", "-0600", "CDT", "-0500", "PST", "-0800", "PDT", "-0700");
    private static final Pattern TRAILING_ZONE = Pattern.compile("\\s([A-Z]{1,4})$");

    private static final DateTimeFormatter RFC822 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d MMM uuuu H:mm[:ss][ ]")
            .optionalStart().appendOffset("+HHMM", "+0000").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter ISO_SPACE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private FeedDates() {
    }

    /** @return the instant, or null when the text is blank or no known form */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().replaceAll("\\s+", " ");
        for (var attempt : List.<java.util.function.Function<String, Instant>>of(FeedDates::iso,
                FeedDates::rfc822, FeedDates::dateOnly)) {
            try {
                Instant parsed = attempt.apply(s);
                if (parsed != null) {
                    return parsed;
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                // try the next form
            }
        }
        return null;
    }

    private static Instant iso(String s) {
        TemporalAccessor t = ISO_SPACE.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
        return t instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
    }

    private static Instant dateOnly(String s) {
        return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Day names are dropped (they only repeat the date), month names mapped to English abbreviations. */
    private static Instant rfc822(String s) {
        String rest = s.contains(",") ? s.substring(s.indexOf(',') + 1).strip() : s.replaceFirst("^\\p{L}+\\.?\\s+(?=\\d)", "");
        Matcher words = WORD.matcher(rest);
        StringBuilder out = new StringBuilder();
        while (words.find()) {
            String word = words.group().replace(".", "").toLowerCase(Locale.ROOT);
            String month = MONTHS.get(word);
            if (month == null && word.length() >= 3 && MONTHS.containsValue(capitalise(word.substring(0, 3)))
                    && !ZONES.containsKey(word.toUpperCase(Locale.ROOT))) {
                month = capitalise(word.substring(0, 3));
            }
            words.appendReplacement(out, Matcher.quoteReplacement(month != null ? month : words.group()));
        }
        words.appendTail(out);
        String normalised = out.toString();
        Matcher zone = TRAILING_ZONE.matcher(normalised);
        if (zone.find() && ZONES.containsKey(zone.group(1))) {
            normalised = normalised.substring(0, zone.start()) + " " + ZONES.get(zone.group(1));
        }
        return OffsetDateTime.parse(normalised, RFC822).toInstant();
    }

    private static String capitalise(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
