package dev.newsflow.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a long string that needs no escaping as UTF-8 bytes encoded in one pass, then copies the bytes out
 * as they are. Jackson's own writer goes char by char once it meets a non-ASCII one, and in French or German
 * text it meets one within a few words: writing articles' text that way was a fifth of ingest's profile. The
 * bytes are the ones Jackson would write: anything it escapes (quotes, backslashes, control characters) or
 * writes its own way (surrogates, each as a six-character escape) sends the string down Jackson's path.
 * <p>
 * Each thread encodes into arrays it keeps: checking the string, then having the JDK encode it, read an
 * article's text twice and allocated four times its length, a fifth of what the sink allocated in a burst.
 */
final class LongStringSerializer extends StdSerializer<String> {

    /** Below this, Jackson's path costs no more than a scan and a copy. */
    static final int LONG = 64;

    /** Longer strings, rare, are encoded into arrays of their own, so that no thread keeps large ones. */
    static final int REUSED_UP_TO = 1 << 16;

    private static final ThreadLocal<Utf8Buffers> BUFFERS = ThreadLocal.withInitial(Utf8Buffers::new);

    LongStringSerializer() {
        super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value.length() >= LONG && gen instanceof UTF8JsonGenerator && gen.getCharacterEscapes() == null
                && gen.getHighestEscapedChar() == 0) {
            Utf8Buffers buffers = value.length() <= REUSED_UP_TO ? BUFFERS.get() : new Utf8Buffers();
            int length = buffers.encode(value);
            if (length >= 0) {
                gen.writeRawUTF8String(buffers.bytes, 0, length);
                return;
            }
        }
        gen.writeString(value);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, String value) {
        return value.isEmpty();
    }

    /** A string's chars and their UTF-8 bytes, grown as needed, never shrunk. Not thread-safe. */
    private static final class Utf8Buffers {
        private char[] chars = new char[0];
        private byte[] bytes = new byte[0];

        /**
         * Encodes {@code value} into {@link #bytes}.
         *
         * @return how many bytes, or -1 when a character is one Jackson escapes or a surrogate
         */
        int encode(String value) {
            int n = value.length();
            if (chars.length < n) {
                chars = new char[n];
                bytes = new byte[3 * n];
            }
            // Read from an array: charAt on a string with any non-Latin-1 character checks its coder and bounds
            // on every call.
            value.getChars(0, n, chars, 0);
            int out = 0;
            for (int i = 0; i < n; i++) {
                char c = chars[i];
                if (c < 0x80) {
                    if (c < 0x20 || c == '"' || c == '\\') {
                        return -1;
                    }
                    bytes[out++] = (byte) c;
                } else if (c < 0x800) {
                    bytes[out++] = (byte) (0xC0 | c >> 6);
                    bytes[out++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    return -1;
                } else {
                    bytes[out++] = (byte) (0xE0 | c >> 12);
                    bytes[out++] = (byte) (0x80 | c >> 6 & 0x3F);
                    bytes[out++] = (byte) (0x80 | c & 0x3F);
                }
            }
            return out;
        }
    }
}
