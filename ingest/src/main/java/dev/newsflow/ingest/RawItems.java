package dev.newsflow.ingest;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What Rome loses, read straight from the XML per item in document order: the date text (Rome parses
 * dates with fixed English masks and drops the rest, so French or odd forms get a second chance with
 * {@link FeedDates}) and the item's link resolved against the {@code xml:base} in scope (Rome 2.1
 * resolves nested bases wrongly). DTDs are refused here as everywhere.
 */
final class RawItems {

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final Set<String> ITEMS = Set.of("item", "entry");
    private static final Set<String> DATES = Set.of("pubDate", "date", "published", "issued", "updated", "modified");

    /** One item: either may be null. */
    record Raw(String date, String link) {
    }

    private RawItems() {
    }

    /** @param base the feed's own address, the outermost base; empty list when the XML cannot be read */
    static List<Raw> read(String xml, String base) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Raw> items = new ArrayList<>();
        Deque<URI> bases = new ArrayDeque<>();
        try {
            bases.push(URI.create(base));
            XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml));
            int depth = -1;
            int level = 0;
            String date = null;
            String link = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    level++;
                    String xmlBase = r.getAttributeValue(XML_NS, "base");
                    bases.push(xmlBase == null ? bases.peek() : resolve(bases.peek(), xmlBase));
                    String name = r.getLocalName();
                    if (depth < 0 && ITEMS.contains(name)) {
                        depth = level;
                        date = null;
                        link = null;
                    } else if (depth > 0 && level == depth + 1) {
                        if (DATES.contains(name) && date == null) {
                            date = r.getElementText();
                            level--;
                            bases.pop();
                        } else if (name.equals("link") && link == null) {
                            String rel = r.getAttributeValue(null, "rel");
                            String href = r.getAttributeValue(null, "href");
                            if (href != null && (rel == null || rel.equals("alternate"))) {
                                link = resolve(bases.peek(), href.strip()).toString();
                            } else if (href == null) {
                                String text = r.getElementText().strip();
                                link = text.isEmpty() ? null : resolve(bases.peek(), text).toString();
                                level--;
                                bases.pop();
                            }
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (level == depth) {
                        items.add(new Raw(date, link));
                        depth = -1;
                    }
                    level--;
                    bases.pop();
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            return List.of();
        }
        return items;
    }

    private static URI resolve(URI base, String ref) {
        return base.resolve(URI.create(ref));
    }
}
