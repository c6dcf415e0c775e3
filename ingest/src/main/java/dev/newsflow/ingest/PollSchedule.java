package dev.newsflow.ingest;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When to poll a feed next. After a success: its interval, or longer when the server or the feed asks
 * (RSS {@code <ttl>}, {@code Cache-Control: max-age}, {@code Expires}); after a failure: exponential
 * backoff from the interval, or the server's {@code Retry-After} when longer. Everything is capped by
 * the ceiling, so no feed is ever given up on for good, and spread by jitter so feeds do not move in herds.
 */
final class PollSchedule {

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-)?max-age\\s*=\\s*\"?(\\d{1,10})");

    private final double jitter;
    private final Duration ceiling;
    private final DoubleSupplier random;

    /**
     * @param jitter  fraction of the delay added or removed at random, 0 for none
     * @param ceiling the longest wait between two polls of any feed, whatever the hints or failures
     * @param random  uniform in [0, 1)
     */
    PollSchedule(double jitter, Duration ceiling, DoubleSupplier random) {
        this.jitter = jitter;
        this.ceiling = ceiling;
        this.random = random;
    }

    Instant afterSuccess(Instant now, Duration interval, Duration ttl, HttpHeaders headers) {
        Duration wait = interval;
        wait = longest(wait, ttl);
        wait = longest(wait, maxAge(headers));
        wait = longest(wait, expires(headers, now));
        return now.plus(jittered(capped(wait)));
    }

    /** @param failures consecutive failures including this one, at least 1 */
    Instant afterFailure(Instant now, Duration interval, int failures, HttpHeaders headers) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration backoff = capped(interval.multipliedBy(1L << Math.min(doublings, 20)));
        Duration wait = longest(backoff, retryAfter(headers, now));
        return now.plus(jittered(capped(wait)));
    }

    /** A dead feed is still polled, at the ceiling, so a feed that comes back is noticed. */
    Instant whenDead(Instant now) {
        return now.plus(ceiling);
    }

    static Duration retryAfter(HttpHeaders headers, Instant now) {
        String value = headers.firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit) && v.length() <= 10) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        Instant at = httpDate(v);
        return at == null || at.isBefore(now) ? null : Duration.between(now, at);
    }

    static Duration maxAge(HttpHeaders headers) {
        String cc = headers.firstValue("Cache-Control").orElse("").toLowerCase(Locale.ROOT);
        if (cc.contains("no-cache") || cc.contains("no-store")) {
            return null;
        }
        Matcher m = MAX_AGE.matcher(cc);
        return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
    }

    static Duration expires(HttpHeaders headers, Instant now) {
        Instant at = headers.firstValue("Expires").map(PollSchedule::httpDate).orElse(null);
        return at == null || !at.isAfter(now) ? null : Duration.between(now, at);
    }

    /** RFC 1123 dates; java.time's formatter has fixed English names, so no JVM locale is involved. */
    static Instant httpDate(String text) {
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Duration capped(Duration d) {
        return d.compareTo(ceiling) > 0 ? ceiling : d;
    }

    private Duration jittered(Duration d) {
        if (jitter <= 0) {
            return d;
        }
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, (long) (d.toMillis() * factor)));
    }

    private static Duration longest(Duration a, Duration b) {
        return b != null && b.compareTo(a) > 0 ? b : a;
    }
}
