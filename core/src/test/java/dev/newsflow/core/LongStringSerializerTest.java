package dev.newsflow.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongStringSerializerTest {

    /** The shared mapper as it would be with Jackson's own string writer. */
    private static final ObjectMapper JACKSON_ALONE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    /**
     * ASCII, Latin-1 and wider letters (each side of UTF-8's two- and three-byte bounds), everything JSON
     * escapes, surrogate pairs and lone halves.
     */
    private static final String ALPHABET = "abc XYZ 019.,'éèàçÉßöñ«»’€—ЖωعĀ\u07FF\u0800中\uFFFD\u00A0\u2028\u2029\u007F"
            + "\"\\/\t\n\r\b\f\u0000\u001F\uD83E\uDD16\uD83D\uDE00\uD800\uDFFF";

    private record Sample(String text, List<String> lines, Map<String, String> fields) {
    }

    @Test
    void writesTheBytesJacksonWrites() throws Exception {
        Random random = new Random(20261125);
        for (int i = 0; i < 5_000; i++) {
            String text = randomText(random, random.nextInt(3) == 0 ? 0 : 8);
            Sample sample = new Sample(text, List.of(randomText(random, 0), text), Map.of("k", randomText(random, 8)));
            assertArrayEquals(JACKSON_ALONE.writeValueAsBytes(sample), Json.MAPPER.writeValueAsBytes(sample),
                    () -> "for " + text.chars().mapToObj(Integer::toHexString).toList());
            assertEquals(JACKSON_ALONE.writeValueAsString(sample), Json.MAPPER.writeValueAsString(sample));
        }
    }

    @Test
    void writesAnArticleAsJacksonDoes() throws Exception {
        RawArticle article = Articles.shanghaiAiBody();
        assertArrayEquals(JACKSON_ALONE.writeValueAsBytes(article), Json.MAPPER.writeValueAsBytes(article));
        assertEquals(article, Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(article), RawArticle.class));
    }

    /** Mostly long, plain runs (the fast path) with, now and then, one character Jackson must escape. */
    private static String randomText(Random random, int specialOneIn) {
        // Now and then long enough to grow a thread's arrays, or to be encoded apart.
        int length = random.nextInt(50) == 0 ? random.nextInt(LongStringSerializer.REUSED_UP_TO + 100)
                : random.nextInt(3 * LongStringSerializer.LONG);
        StringBuilder text = new StringBuilder(length);
        int plain = ALPHABET.indexOf('\u2028') + 2;
        for (int k = 0; k < length; k++) {
            boolean special = specialOneIn > 0 && random.nextInt(specialOneIn * 40) == 0;
            text.append(special ? ALPHABET.charAt(plain + random.nextInt(ALPHABET.length() - plain))
                    : ALPHABET.charAt(random.nextInt(plain)));
        }
        return text.toString();
    }
}
