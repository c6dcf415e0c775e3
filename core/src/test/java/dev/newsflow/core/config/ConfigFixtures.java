package dev.newsflow.core.config;

import java.util.Map;
import java.util.function.Function;

/** Reads a service's config from environment variables alone, as a test sets them. */
public final class ConfigFixtures {

    private ConfigFixtures() {
    }

    /**
     * @param environment {@code NEWSFLOW_*} variables and their values
     * @param read        the service's own reader, such as {@code SinkConfig::read}
     * @throws ConfigException naming every bad setting at once, as at start-up
     */
    public static <T> T fromEnvironment(Map<String, String> environment, Function<ConfigReader, T> read) {
        ConfigReader reader = new ConfigReader(ConfigSource.of(null, environment));
        T config = read.apply(reader);
        reader.done();
        return config;
    }
}
