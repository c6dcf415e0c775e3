package dev.newsflow.ingest;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import dev.newsflow.core.FeedRef;
import dev.newsflow.core.RawArticle;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;

/**
 * Turns the bytes of an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed document into raw articles. XML goes
 * through Rome ({@link FeedXml}), handed decoded text (never a URL) with DOCTYPEs refused, so external entities
 * and entity expansion never run; dates Rome cannot read get a second chance with {@link FeedDates}.
 */
public final class FeedParser {

    /** A feed with more items than this is cut, and says so in its status: no real feed needs more per poll. */
    static final int MAX_ITEMS = 1_000;

    private static final FeedXml XML = new FeedXml();

    private final Clock clock;

    public FeedParser(Clock clock) {
        this.clock = clock;
    }

    /** Parses with no HTTP header and the feed URL as base, for callers that only have bytes. */
    public List<RawArticle> parse(byte[] bytes, String feedUrl, String language) throws IOException {
        return parse(bytes, null, feedUrl, feedUrl, language).articles();
    }

    /**
     * @param contentType the HTTP Content-Type (its charset counts), null when none
     * @param feedUrl     the feed's configured address, recorded in each article
     * @param base        where the bytes came from after redirects, the base of relative links
     * @param language    the feed list's hint, or null to take the feed's own
     * @throws IOException saying what is wrong with the bytes
     */
    public ParsedFeed parse(byte[] bytes, String contentType, String feedUrl, String base, String language)
            throws IOException {
        String text = FeedCharset.decode(bytes, contentType);
        String start = text.stripLeading();
        if (start.startsWith("{")) {
            return JsonFeedParser.parse(start, feedUrl, base, language, clock.instant());
        }
        return parseXml(text, feedUrl, base, language);
    }

    private ParsedFeed parseXml(String text, String feedUrl, String base, String language) throws IOException {
        Document document;
        try {
            document = XML.parse(text, false);
        } catch (FeedException wellFormedOnly) {
            try {
                document = XML.parse(text, true);
            } catch (FeedException e) {
                throw unreadable(e);
            }
        }
        SyndFeed feed;
        try {
            feed = XML.feed(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw unreadable(e);
        }
        Instant fetchedAt = clock.instant();
        FeedRef ref = new FeedRef(feedUrl, Text.field(Text.plain(feed.getTitle()), Text.MAX_TITLE));
        String feedLanguage = language != null ? language : normaliseLanguage(feed.getLanguage());
        List<RawItems.Raw> raw = RawItems.read(document, base);
        List<RawArticle> articles = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size() && i < MAX_ITEMS; i++) {
            SyndEntry entry = entries.get(i);
            Instant date = date(entry);
            RawItems.Raw own = i < raw.size() ? raw.get(i) : new RawItems.Raw(null, null);
            if (date == null) {
                date = FeedDates.parse(own.date());
            }
            articles.add(ArticleFactory.build(item(entry, date, own.link()), ref, base, feedLanguage, fetchedAt));
        }
        return new ParsedFeed(ref.title(), ttl(feed.originalWireFeed()), articles,
                Math.max(0, entries.size() - MAX_ITEMS));
    }

    private static IOException unreadable(Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (why.contains("DOCTYPE") || why.contains("DTD")) {
            return new IOException("refused: the feed declares a DOCTYPE (external entities are never read)");
        }
        return new IOException("not a readable RSS, Atom or JSON feed: " + why);
    }

    /** @param resolvedLink the item's link resolved against its xml:base, preferred to Rome's; may be null */
    private static ArticleFactory.Item item(SyndEntry entry, Instant date, String resolvedLink) {
        String description = entry.getDescription() == null ? null : entry.getDescription().getValue();
        return new ArticleFactory.Item(resolvedLink != null ? resolvedLink : link(entry), entry.getUri(), entry.getTitle(), description, contentHtml(entry),
                authors(entry), categories(entry), date, null);
    }

    /** Rome's link, when our own reading found none; the first alternate link wins. */
    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink();
        }
        return entry.getLinks().isEmpty() ? null : entry.getLinks().get(0).getHref();
    }

    private static String contentHtml(SyndEntry entry) {
        StringBuilder html = new StringBuilder();
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null) {
                html.append(c.getValue());
            }
        }
        return html.toString();
    }

    private static List<String> authors(SyndEntry entry) {
        List<String> names = new ArrayList<>();
        for (SyndPerson p : entry.getAuthors()) {
            names.add(p.getName());
        }
        if (names.isEmpty()) {
            names.add(entry.getAuthor());
        }
        return names;
    }

    private static List<String> categories(SyndEntry entry) {
        List<String> names = new ArrayList<>();
        for (SyndCategory c : entry.getCategories()) {
            names.add(c.getName());
        }
        return names;
    }

    /** The published date, else the updated one, else null: a missing date is not invented. */
    private static Instant date(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    private static Duration ttl(WireFeed wire) {
        if (wire instanceof Channel channel && channel.getTtl() > 0) {
            return Duration.ofMinutes(channel.getTtl());
        }
        return null;
    }

    static String normaliseLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }
}
