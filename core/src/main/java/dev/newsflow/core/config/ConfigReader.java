package dev.newsflow.core.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Reads typed settings from a {@link ConfigSource}, each with its default and its allowed range, and
 * collects every problem so that {@link #done()} reports them all at once before anything starts.
 * A service builds its immutable config record with one reader, once, in {@code main}.
 */
public final class ConfigReader {

    private final ConfigSource source;
    private final List<String> problems = new ArrayList<>();
    private final StringJoiner summary = new StringJoiner(", ");
    private final Set<String> keysRead = new TreeSet<>();

    public ConfigReader(ConfigSource source) {
        this.source = source;
    }

    public String string(String key, String defaultValue) {
        return read(key, defaultValue, text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("must not be blank");
            }
            return text.strip();
        });
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return read(key, defaultValue, text -> {
            int value;
            try {
                value = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return value;
        });
    }

    public long longInteger(String key, long defaultValue, long min, long max) {
        return read(key, defaultValue, text -> {
            long value;
            try {
                value = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return value;
        });
    }

    public boolean bool(String key, boolean defaultValue) {
        return read(key, defaultValue, text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        });
    }

    /** A duration as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or ISO-8601 ({@code PT30S}). */
    public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        return read(key, defaultValue, text -> {
            Duration value = Durations.parse(text.strip());
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return value;
        });
    }

    public Path path(String key, Path defaultValue) {
        return read(key, defaultValue, text -> {
            try {
                return Path.of(text.strip());
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("is not a valid path");
            }
        });
    }

    public <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        return read(key, defaultValue, text -> {
            String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            return Arrays.stream(type.getEnumConstants())
                    .filter(c -> c.name().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("must be one of "
                            + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT)));
        });
    }

    /** Adds a problem that spans several settings, found by the caller. */
    public void problem(String message) {
        problems.add(message);
    }

    /**
     * Every setting under {@code keyPrefix}, untyped, for groups passed through as they are (the Kafka
     * clients' own settings); the prefix counts as read.
     */
    public Map<String, ConfigSource.Value> group(String keyPrefix) {
        keysRead.add(keyPrefix + "*");
        return source.withPrefix(keyPrefix);
    }

    /** The keys this reader has been asked for, a group as {@code prefix.*}: what the service understands. */
    public Set<String> keysRead() {
        return Set.copyOf(keysRead);
    }

    /**
     * @return one line with every setting read and where it came from, for a service's first log line
     * @throws ConfigException with every problem found, when there is any
     */
    public String done() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return summary.toString();
    }

    private <T> T read(String key, T defaultValue, Function<String, T> parse) {
        keysRead.add(key);
        var value = source.get(key);
        if (value.isEmpty()) {
            summary.add(key + "=" + defaultValue + " (default)");
            return defaultValue;
        }
        try {
            T parsed = parse.apply(value.get().text());
            summary.add(key + "=" + parsed + " (" + value.get().origin() + ")");
            return parsed;
        } catch (IllegalArgumentException e) {
            problems.add(key + " = '" + value.get().text() + "' (from " + value.get().origin() + ") "
                    + e.getMessage());
            return defaultValue;
        }
    }
}
