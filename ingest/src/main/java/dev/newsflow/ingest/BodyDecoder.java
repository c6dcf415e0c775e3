package dev.newsflow.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decodes a gzip or deflate body, counting the cap on the decoded bytes so that a small compressed bomb
 * stops at the cap instead of filling the heap.
 */
final class BodyDecoder {

    private BodyDecoder() {
    }

    /** @param contentEncoding the response's Content-Encoding, null or identity for none */
    static byte[] decode(byte[] body, String contentEncoding, long maxBytes) throws IOException {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity" -> body;
            case "gzip", "x-gzip" -> readCapped(new GZIPInputStream(new ByteArrayInputStream(body)), maxBytes);
            case "deflate" -> inflate(body, maxBytes);
            default -> throw new IOException("unsupported Content-Encoding '" + contentEncoding + "'");
        };
    }

    /** "deflate" is zlib-wrapped by the standard and raw by many servers: try the first, then the second. */
    private static byte[] inflate(byte[] body, long maxBytes) throws IOException {
        try {
            return readCapped(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(false)), maxBytes);
        } catch (java.util.zip.ZipException e) {
            return readCapped(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)), maxBytes);
        }
    }

    static byte[] readCapped(InputStream in, long maxBytes) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new IOException("body larger than " + maxBytes + " bytes after decompression");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
