package dev.newsflow.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OPML subscription list: every {@code <outline xmlUrl=...>} at any depth is a feed. Per-feed
 * settings ride as extra outline attributes ({@code interval}, {@code language}, {@code enabled},
 * {@code userAgent}, {@code fullText}); readers ignore attributes they do not know, so the file stays
 * importable anywhere. DTDs are refused: an OPML file is as untrusted as a feed.
 */
final class OpmlFeedList {

    private OpmlFeedList() {
    }

    static FeedList parse(byte[] bytes, String where) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<FeedSource> feeds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean sawOpml = false;
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = xml.getLocalName();
                sawOpml |= element.equals("opml");
                if (!element.equals("outline")) {
                    continue;
                }
                String url = xml.getAttributeValue(null, "xmlUrl");
                if (url == null) {
                    continue; // a folder
                }
                String title = xml.getAttributeValue(null, "title");
                var entry = new FeedEntryReader.Entry(url, title != null ? title : xml.getAttributeValue(null, "text"),
                        xml.getAttributeValue(null, "interval"), xml.getAttributeValue(null, "language"),
                        xml.getAttributeValue(null, "enabled"), null, xml.getAttributeValue(null, "userAgent"),
                        xml.getAttributeValue(null, "fullText"));
                FeedList.add(entry, where + ":" + xml.getLocation().getLineNumber(), feeds, problems);
            }
        } catch (XMLStreamException e) {
            throw new IOException(where + ": not a readable OPML file: " + e.getMessage(), e);
        }
        if (!sawOpml) {
            throw new IOException(where + ": not an OPML file (no <opml> element)");
        }
        return new FeedList(feeds, problems);
    }
}
