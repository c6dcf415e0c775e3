package dev.newsflow.enrich.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Headline-length text, the hardest case for a detector, in the four languages the tagger knows. */
class LanguageGuesserTest {

    private static final Map<String, String> HEADLINES = Map.ofEntries(
            Map.entry("Pékin propose une organisation mondiale de l’IA", "fr"),
            Map.entry("La Commission repousse les obligations de l’AI Act", "fr"),
            Map.entry("Les droits de douane sur l’acier augmentent", "fr"),
            Map.entry("Nvidia unveils its next AI chip at Computex", "en"),
            Map.entry("Leaders gather in Gyeongju for the APEC summit", "en"),
            Map.entry("Tariffs on Chinese electric cars rise again", "en"),
            Map.entry("La UE aprueba nuevos aranceles a los coches eléctricos", "es"),
            Map.entry("España impulsa la energía solar en Extremadura", "es"),
            Map.entry("Die Bundesregierung plant ein neues KI-Gesetz", "de"),
            Map.entry("Strafzölle auf Elektroautos aus China steigen", "de"));

    @ParameterizedTest
    @EnumSource(LanguageGuesser.Accuracy.class)
    void recognisesHeadlinesInFourLanguages(LanguageGuesser.Accuracy accuracy) {
        LanguageGuesser guesser = new LanguageGuesser(accuracy);
        HEADLINES.forEach((headline, language) -> assertEquals(language, guesser.guess(headline), headline));
    }

    @Test
    void saysNothingAboutEmptyText() {
        assertNull(new LanguageGuesser(LanguageGuesser.Accuracy.LOW).guess("  "));
    }
}
