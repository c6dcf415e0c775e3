package dev.newsflow.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one configured {@link ObjectMapper} of Newsflow. Every record on a topic and every file the sink
 * writes goes through it, so dates and unknown fields are treated the same everywhere.
 */
public final class Json {

    /**
     * Dates are ISO-8601 strings in UTC. Unknown fields are ignored on read so that an older
     * reader keeps working when a newer writer adds a field (the schemaVersion says what changed);
     * missing primitives are refused, because a record without them is not the contract. Long strings
     * are written by {@link LongStringSerializer}, byte for byte as Jackson would, only faster.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("newsflow-long-strings")
                    .addSerializer(String.class, new LongStringSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private Json() {
    }
}
