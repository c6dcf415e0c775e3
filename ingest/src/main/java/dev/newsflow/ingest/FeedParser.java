package dev.newsflow.ingest;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.newsflow.core.ArticleId;
import dev.newsflow.core.FeedRef;
import dev.newsflow.core.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the bytes of an RSS or Atom feed into raw articles, through Rome (handed bytes, never a URL).
 * HTML in the feed becomes plain text for {@code summary} and {@code content}, and a sanitised copy.
 */
public final class FeedParser {

    private final Clock clock;

    public FeedParser(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param feedUrl  where the bytes came from: the base of relative links and the article's feed
     * @param language the feed list's hint, or null to take the feed's own
     * @throws IOException naming the feed and what is wrong with its bytes
     */
    public List<RawArticle> parse(byte[] bytes, String feedUrl, String language) throws IOException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(bytes)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new IOException(feedUrl + ": not a readable RSS or Atom feed: " + e.getMessage(), e);
        }
        Instant fetchedAt = clock.instant();
        FeedRef ref = new FeedRef(feedUrl, Text.field(feed.getTitle(), Text.MAX_TITLE));
        String feedLanguage = language != null ? language : normaliseLanguage(feed.getLanguage());
        List<RawArticle> articles = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            articles.add(toArticle(entry, ref, feedLanguage, fetchedAt));
        }
        return articles;
    }

    private static RawArticle toArticle(SyndEntry entry, FeedRef feed, String language, Instant fetchedAt) {
        String link = entry.getLink();
        String title = Text.field(Text.plain(entry.getTitle()), Text.MAX_TITLE);
        String descriptionHtml = entry.getDescription() == null ? "" : entry.getDescription().getValue();
        String contentHtml = contentHtml(entry);
        String summary = Text.field(Text.plain(descriptionHtml), Text.MAX_SUMMARY);
        String content = Text.field(Text.plain(contentHtml), Text.MAX_CONTENT);
        String id = ArticleId.of(link, entry.getUri(), feed.url(), title + "\n" + summary);
        String safeHtml = contentHtml.isEmpty() ? Text.sanitise(descriptionHtml, link) : Text.sanitise(contentHtml, link);
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, 1, link, title, summary, content, safeHtml, language,
                authors(entry), categories(entry), date(entry), fetchedAt, feed);
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
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson p : entry.getAuthors()) {
            if (p.getName() != null && !p.getName().isBlank()) {
                names.add(p.getName().strip());
            }
        }
        if (names.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            names.add(entry.getAuthor().strip());
        }
        return List.copyOf(names);
    }

    private static List<String> categories(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndCategory c : entry.getCategories()) {
            if (c.getName() != null && !c.getName().isBlank()) {
                names.add(c.getName().strip());
            }
        }
        return List.copyOf(names);
    }

    /** The published date, else the updated one, else null: a missing date is not invented. */
    private static Instant date(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    private static String normaliseLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }
}
