package dev.newsflow.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes feed bytes to text. Order: a byte-order mark (it cannot lie about the bytes that follow it),
 * then the HTTP Content-Type charset (RFC 7303: the transport wins over the document), then the XML
 * declaration, then UTF-8. A declared charset that fails on the bytes falls back to windows-1252, the
 * usual truth of a feed that says ISO-8859-1 or nothing but is not UTF-8.
 */
final class FeedCharset {

    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HEADER = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private FeedCharset() {
    }

    /** @param contentType the HTTP Content-Type, null when none (local files, the CLI) */
    static String decode(byte[] bytes, String contentType) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        Charset charset = fromHeader(contentType);
        if (charset == null) {
            charset = fromDeclaration(bytes);
        }
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            // The JDK's String decoder is several times faster than a CharsetDecoder; it replaces malformed bytes
            // with U+FFFD, so a result without one was well-formed and the strict decoder would give the same.
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) {
                return text;
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /**
     * The charset an HTTP Content-Type names (Latin-1 labels read as windows-1252); null when it names none
     * or one this JVM does not know. Article pages use it too.
     */
    static Charset fromHeader(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER.matcher(contentType);
        return m.find() ? charset(m.group(1)) : null;
    }

    private static Charset fromDeclaration(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1).stripLeading();
        Matcher m = DECLARED.matcher(head);
        return m.find() ? charset(m.group(1)) : null;
    }

    private static Charset charset(String name) {
        try {
            String n = name.toLowerCase(Locale.ROOT);
            // ISO-8859-1 labels mean windows-1252 in practice (the WHATWG encoding standard says so too).
            return n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") ? Charset.forName("windows-1252")
                    : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
