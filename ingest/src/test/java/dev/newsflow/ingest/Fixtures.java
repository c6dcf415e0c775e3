package dev.newsflow.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Feed documents from {@code src/test/resources/feeds}. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
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
