package dev.newsflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticFeedServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dealsOneLanguageToEachFeedAndNamesIt() throws Exception {
        var plan = new SyntheticFeedServer.Plan(3, 2, 300, List.of("fr", "en"), 0, 2, true);
        try (var server = new SyntheticFeedServer(plan)) {
            List<String> urls = server.feedUrls();
            assertTrue(get(urls.get(0)).contains("<language>fr</language>"));
            assertTrue(get(urls.get(1)).contains("<language>en</language>"));
            assertTrue(get(urls.get(2)).contains("<language>fr</language>"));
        }
    }

    @Test
    void withholdsTheLanguageWhenAskedTo() throws Exception {
        var plan = new SyntheticFeedServer.Plan(1, 2, 300, List.of("fr"), 0, 2, false);
        try (var server = new SyntheticFeedServer(plan)) {
            String feed = get(server.feedUrls().get(0));
            assertEquals(2, feed.split("<item>", -1).length - 1, feed);
            assertFalse(feed.contains("<language>"), feed);
        }
    }

    @Test
    void marksItemsUpAsHtmlWhenAskedTo() throws Exception {
        var plan = new SyntheticFeedServer.Plan(1, 2, 300, List.of("fr"), 0, 2, true, true);
        try (var server = new SyntheticFeedServer(plan)) {
            String feed = get(server.feedUrls().get(0));
            assertTrue(feed.contains("<description>&lt;p&gt;"), feed);
            assertTrue(feed.contains("&lt;a href=\"https://synthetic.newsflow.dev/tag/"), feed);
        }
    }

    @Test
    void theHtmlReadsAsTheSameTextInParagraphs() {
        for (long seed = 0; seed < 200; seed++) {
            String html = SyntheticArticles.html("de", 2000, seed);
            String text = SyntheticArticles.text("de", 2000, seed);
            assertEquals(text.strip(), html.replaceAll("<[^>]+>", "").replace("\n", " ").strip(), html);
            assertTrue(html.split("<p>", -1).length - 1 > 1, html);
        }
    }

    @Test
    void countsAsServedOnlyWhatAResponseShowed() throws Exception {
        var plan = new SyntheticFeedServer.Plan(1, 5, 300, List.of("en"), 0, 2, true);
        try (var server = new SyntheticFeedServer(plan)) {
            assertTrue(server.servedKeys().isEmpty());
            get(server.feedUrls().get(0));
            assertEquals(2, server.servedKeys().size());
            assertTrue(server.plannedKeys().containsAll(server.servedKeys()));
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }
}
