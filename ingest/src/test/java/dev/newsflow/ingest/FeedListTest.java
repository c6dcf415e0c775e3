package dev.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListTest {

    @TempDir
    Path dir;

    @Test
    void readsYamlEntriesWithTheirSettingsAndReportsBadOnesByLine() throws IOException {
        Path file = Files.writeString(dir.resolve("feeds.yaml"), """
                feeds:
                  - url: https://a.example/feed
                    name: A
                    interval: 15m
                    language: fr-FR
                    userAgent: Custom/1.0
                    headers: {X-Token: abc}
                    fullText: true
                  - url: ftp://b.example/feed
                  - url: https://c.example/feed
                    interval: soon
                  - url: https://d.example/feed
                    enabled: false
                  - url: https://e.example/feed
                """);
        FeedList list = FeedList.load(file);
        assertEquals(List.of("https://a.example/feed", "https://e.example/feed"),
                list.feeds().stream().map(FeedSource::url).toList());
        FeedSource a = list.feeds().get(0);
        assertEquals(Duration.ofMinutes(15), a.interval());
        assertEquals("fr", a.language());
        assertEquals("Custom/1.0", a.userAgent());
        assertEquals(Map.of("X-Token", "abc"), a.headers());
        assertTrue(a.fullText());
        assertEquals(2, list.problems().size(), list.problems().toString());
        assertTrue(list.problems().get(0).contains("feeds.yaml:9 (ftp://b.example/feed): url 'ftp://b.example/feed' must be"),
                list.problems().get(0));
        assertTrue(list.problems().get(1).contains("feeds.yaml:10 (https://c.example/feed): interval 'soon'"),
                list.problems().get(1));
    }

    @Test
    void readsOpmlAtAnyDepthWithExtraAttributes() throws IOException {
        Path file = Files.writeString(dir.resolve("subs.opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>My feeds</title></head>
                  <body>
                    <outline text="Tech">
                      <outline type="rss" text="A" title="A feed" xmlUrl="https://a.example/feed" interval="30m" language="en"/>
                      <outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/>
                    </outline>
                    <outline type="rss" text="B" xmlUrl="https://b.example/rss" enabled="maybe"/>
                    <outline type="rss" text="C" xmlUrl="https://c.example/rss"/>
                  </body>
                </opml>
                """);
        FeedList list = FeedList.load(file);
        assertEquals(List.of("https://a.example/feed", "https://c.example/rss"),
                list.feeds().stream().map(FeedSource::url).toList());
        assertEquals("A feed", list.feeds().get(0).name());
        assertEquals(Duration.ofMinutes(30), list.feeds().get(0).interval());
        assertTrue(list.problems().get(0).contains("subs.opml:7"), list.problems().get(0));
        assertTrue(list.problems().get(1).contains("subs.opml:9 (https://b.example/rss): enabled 'maybe'"),
                list.problems().get(1));
    }

    @Test
    void refusesAnOpmlFileWithADoctype() throws IOException {
        Path file = Files.writeString(dir.resolve("x.opml"), "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><opml><body><outline xmlUrl=\"https://a.example/&e;\"/></body></opml>");
        IOException e = assertThrows(IOException.class, () -> FeedList.load(file));
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void keepsTheShippedFeedListReadable() throws IOException {
        Path file = Files.writeString(dir.resolve("feeds.yaml"), """
                feeds:
                  - url: https://www.simseo.fr/feed/
                    name: Simseo
                    language: fr
                    interval: 15m
                  - url: http://127.0.0.1:8765/sample.xml
                    name: Newsflow sample
                    interval: 1m
                """);
        FeedList list = FeedList.load(file);
        assertEquals(2, list.feeds().size());
        assertTrue(list.problems().isEmpty());
    }

    @Test
    void rejectsAFileWithoutAFeedsList() throws IOException {
        Path file = Files.writeString(dir.resolve("feeds.yaml"), "other: 1\n");
        assertThrows(IOException.class, () -> FeedList.load(file));
    }
}
