package dev.newsflow.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.EnrichedArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

class TailCommandTest {

    private final EnrichedArticle article = MonitorFixture.article("https://n.example/a", "Pékin propose une organisation de l’IA",
            List.of("ai-governance", "apec"), List.of("Shanghai", "Beijing"));

    @Test
    void printsOneReadableLinePerArticle() {
        assertEquals("11-16 07:30 [fr] Pékin propose une organisation de l’IA  #ai-governance #apec  (Shanghai, Beijing)",
                TailCommand.line(article));
    }

    @Test
    void filtersByTopicAndByEntityNameIgnoringCase() {
        assertTrue(TailCommand.parse(List.of("--topic", "apec")).accepts(article));
        assertFalse(TailCommand.parse(List.of("--topic", "trade")).accepts(article));
        assertTrue(TailCommand.parse(List.of("--entity", "shang")).accepts(article));
        assertFalse(TailCommand.parse(List.of("--entity", "Tokyo")).accepts(article));
    }

    @Test
    void refusesAnUnknownOptionByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> TailCommand.parse(List.of("--since", "1h")));
        assertTrue(e.getMessage().contains("--since"));
    }
}
