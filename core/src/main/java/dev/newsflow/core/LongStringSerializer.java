package dev.newsflow.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a long string that needs no escaping with the JDK's UTF-8 encoder, then copies the bytes out as they
 * are. Jackson's own writer goes char by char once it meets a non-ASCII one, and in French or German text
 * it meets one within a few words: writing articles' text that way was a fifth of ingest's profile. The
 * bytes are the ones Jackson would write: anything it escapes (quotes, backslashes, control characters) or
 * writes its own way (surrogates, each as a six-character escape) sends the string down Jackson's path.
 */
final class LongStringSerializer extends StdSerializer<String> {

    /** Below this, Jackson's path costs no more than a scan and a copy. */
    static final int LONG = 64;

    LongStringSerializer() {
        super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value.length() >= LONG && gen instanceof UTF8JsonGenerator && gen.getCharacterEscapes() == null
                && gen.getHighestEscapedChar() == 0 && writtenAsIs(value)) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            gen.writeRawUTF8String(utf8, 0, utf8.length);
        } else {
            gen.writeString(value);
        }
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, String value) {
        return value.isEmpty();
    }

    private static boolean writtenAsIs(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
