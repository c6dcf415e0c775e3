package dev.newsflow.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where settings come from: an optional YAML file, then environment variables, which win.
 * Keys are dotted lower-case words ({@code sink.output.dir}); nested YAML maps are flattened to them,
 * and the environment variable for a key is {@code NEWSFLOW_} plus the key in upper case with dots
 * as underscores ({@code NEWSFLOW_SINK_OUTPUT_DIR}).
 */
public final class ConfigSource {

    /** The environment variable naming the YAML file, when no --config argument is given. */
    public static final String CONFIG_FILE_VARIABLE = "NEWSFLOW_CONFIG";

    private final Map<String, String> fileValues;
    private final Map<String, String> environment;
    private final String fileName;

    private ConfigSource(Map<String, String> fileValues, Map<String, String> environment, String fileName) {
        this.fileValues = fileValues;
        this.environment = environment;
        this.fileName = fileName;
    }

    /** Settings from {@code --config FILE} (or {@code NEWSFLOW_CONFIG}) and the process environment. */
    public static ConfigSource fromArgs(List<String> args) {
        Map<String, String> env = System.getenv();
        int flag = args.indexOf("--config");
        String file = flag >= 0 && flag + 1 < args.size() ? args.get(flag + 1) : env.get(CONFIG_FILE_VARIABLE);
        return of(file == null || file.isBlank() ? null : Path.of(file), env);
    }

    /** @param file a YAML file, or null for none */
    public static ConfigSource of(Path file, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        if (file != null) {
            try {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
                if (root != null && !root.isMissingNode() && !root.isNull()) {
                    if (!root.isObject()) {
                        throw new ConfigException(List.of(file + ": the config file must hold a map of settings"));
                    }
                    flatten("", root, values);
                }
            } catch (IOException e) {
                throw new ConfigException(List.of("cannot read config file " + file + ": " + e.getMessage()));
            }
        }
        return new ConfigSource(values, Map.copyOf(environment), file == null ? null : file.toString());
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix + e.getKey() + ".", e.getValue(), out));
        } else if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            node.forEach(n -> joined.append(joined.length() == 0 ? "" : ",").append(n.asText()));
            out.put(prefix.substring(0, prefix.length() - 1), joined.toString());
        } else if (!node.isNull()) {
            out.put(prefix.substring(0, prefix.length() - 1), node.asText());
        }
    }

    public static String environmentVariable(String key) {
        return "NEWSFLOW_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value of a key and where it came from, or empty when neither file nor environment sets it. */
    public Optional<Value> get(String key) {
        String variable = environmentVariable(key);
        String fromEnv = environment.get(variable);
        if (fromEnv != null) {
            return Optional.of(new Value(fromEnv, "environment " + variable));
        }
        String fromFile = fileValues.get(key);
        return fromFile == null ? Optional.empty() : Optional.of(new Value(fromFile, fileName));
    }

    /** Keys under a prefix in the file and environment, for settings passed through as a group. */
    public Map<String, Value> withPrefix(String keyPrefix) {
        Map<String, Value> out = new LinkedHashMap<>();
        fileValues.forEach((k, v) -> {
            if (k.startsWith(keyPrefix)) {
                out.put(k, new Value(v, fileName));
            }
        });
        String envPrefix = environmentVariable(keyPrefix);
        environment.forEach((k, v) -> {
            if (k.startsWith(envPrefix) && k.length() > envPrefix.length()) {
                String key = keyPrefix + k.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                out.put(key, new Value(v, "environment " + k));
            }
        });
        return out;
    }

    /** A setting's text and its origin ("environment NEWSFLOW_X" or the file name). */
    public record Value(String text, String origin) {
    }
}
