package dev.newsflow.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * What Rome loses, read per item in document order from the same parsed document: the date text (Rome
 * parses dates with fixed English masks and drops the rest, so French or odd forms get a second chance with
 * {@link FeedDates}) and the item's link resolved against the {@code xml:base} in scope (Rome 2.1 resolves
 * nested bases wrongly).
 */
final class RawItems {

    private static final Set<String> ITEMS = Set.of("item", "entry");
    private static final Set<String> DATES = Set.of("pubDate", "date", "published", "issued", "updated", "modified");

    /** One item: either may be null. */
    record Raw(String date, String link) {
    }

    private RawItems() {
    }

    /**
     * @param base the feed's own address, the outermost base
     * @return one entry per item, in document order; empty when a base or a link is no URI at all
     */
    static List<Raw> read(Document document, String base) {
        List<Raw> items = new ArrayList<>();
        try {
            collect(document.getRootElement(), URI.create(base), items);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return items;
    }

    /** Items do not nest: an item's own elements are read as its fields only. */
    private static void collect(Element element, URI inherited, List<Raw> items) {
        URI base = baseOf(element, inherited);
        if (ITEMS.contains(element.getName())) {
            items.add(item(element, base));
            return;
        }
        for (Element child : element.getChildren()) {
            collect(child, base, items);
        }
    }

    private static Raw item(Element item, URI itemBase) {
        String date = null;
        String link = null;
        for (Element field : item.getChildren()) {
            String name = field.getName();
            if (DATES.contains(name) && date == null) {
                date = field.getText();
            } else if (name.equals("link") && link == null) {
                URI base = baseOf(field, itemBase);
                String rel = field.getAttributeValue("rel");
                String href = field.getAttributeValue("href");
                if (href != null && (rel == null || rel.equals("alternate"))) {
                    link = base.resolve(URI.create(href.strip())).toString();
                } else if (href == null) {
                    String text = field.getText().strip();
                    link = text.isEmpty() ? null : base.resolve(URI.create(text)).toString();
                }
            }
        }
        return new Raw(date, link);
    }

    private static URI baseOf(Element element, URI inherited) {
        String xmlBase = element.getAttributeValue("base", Namespace.XML_NAMESPACE);
        return xmlBase == null ? inherited : inherited.resolve(URI.create(xmlBase));
    }
}
