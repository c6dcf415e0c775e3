package dev.newsflow.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Feed documents and article pages from {@code src/test/resources}. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        return resource("/feeds/" + name);
    }

    /** An article page from {@code src/test/resources/pages}. */
    static byte[] page(String name) {
        return resource("/pages/" + name);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Fixture</title>"
                + "<link>http://example.org/</link><description>d</description>" + items + "</channel></rss>";
    }

    static String item(String title, String link, String guid, String description) {
        return "<item><title>" + title + "</title>" + (link == null ? "" : "<link>" + link + "</link>")
                + (guid == null ? "" : "<guid isPermaLink=\"false\">" + guid + "</guid>")
                + "<description>" + description + "</description></item>";
    }
}
