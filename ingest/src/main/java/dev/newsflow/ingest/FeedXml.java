package dev.newsflow.ingest;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;

/**
 * Feed XML parsed once, into the JDOM document that both Rome and {@link RawItems} read: reading the text a
 * second time for what Rome loses was a quarter of the parse of a feed of short items. The parser is Rome's
 * own, hardened as Rome hardens it: DOCTYPEs refused, no external entity or DTD ever loaded, no entity
 * expanded. Thread-safe: each parse gets its own SAX parser, and nothing of Rome's is changed after
 * construction.
 */
final class FeedXml extends WireFeedInput {

    FeedXml() {
        // Locale.US fixes the date masks Rome uses: the JVM's locale must never change what a date means.
        super(false, Locale.US);
        setAllowDoctypes(false);
    }

    /**
     * @param heal whether to repair first what feeds get wrong (HTML entities such as {@code &eacute;}, stray
     *             ampersands): it reads the text character by character, so only a text that failed pays for it
     * @throws FeedException when the text is not well-formed XML, or declares a DOCTYPE
     */
    Document parse(String text, boolean heal) throws FeedException {
        Reader reader = new StringReader(text);
        if (heal) {
            reader = new XmlFixerReader(reader);
        }
        try {
            return createSAXBuilder().build(reader);
        } catch (JDOMParseException e) {
            throw new ParsingFeedException("Invalid XML: " + e.getMessage(), e);
        } catch (JDOMException | IOException e) {
            throw new ParsingFeedException("Invalid XML", e);
        }
    }

    /**
     * The feed the document holds, its wire form kept (for the RSS {@code ttl}).
     *
     * @throws IllegalArgumentException when the document is no RSS or Atom feed
     */
    SyndFeed feed(Document document) throws FeedException {
        return new SyndFeedImpl(build(document), true);
    }
}
