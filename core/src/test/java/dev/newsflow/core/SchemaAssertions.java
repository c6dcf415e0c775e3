package dev.newsflow.core;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Validates real output against the JSON Schemas shipped under {@code /schemas} on the classpath. */
public final class SchemaAssertions {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaAssertions() {
    }

    /** Fails with every violation when {@code json} does not match the named schema. */
    public static void assertMatchesSchema(String schemaName, byte[] json) {
        try {
            assertMatchesSchema(schemaName, Json.MAPPER.readTree(json));
        } catch (IOException e) {
            fail("not JSON: " + e.getMessage());
        }
    }

    public static void assertMatchesSchema(String schemaName, JsonNode json) {
        Set<ValidationMessage> errors = schema(schemaName).validate(json);
        if (!errors.isEmpty()) {
            fail(schemaName + " violations: " + errors + "\nin " + json);
        }
    }

    private static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            try (InputStream in = SchemaAssertions.class.getResourceAsStream("/schemas/" + n)) {
                if (in == null) {
                    throw new IllegalArgumentException("no schema /schemas/" + n + " on the classpath");
                }
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
