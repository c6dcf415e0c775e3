package dev.newsflow.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic made-up news text in French, English, Spanish and German, with the vocabulary of the
 * pipeline's topics, so the tagger does real work on it. The same seed gives the same articles.
 */
final class SyntheticArticles {

    private static final Map<String, List<String>> WORDS = Map.of(
            "fr", List.of("la", "Chine", "propose", "une", "organisation", "mondiale", "de", "coopération", "sur",
                    "l’intelligence", "artificielle", "à", "Shanghai", "lors", "du", "sommet", "l’APEC", "les",
                    "batteries", "panneaux", "solaires", "droits", "de", "douane", "puces", "semi-conducteurs",
                    "régulation", "de", "l’IA", "Pékin", "Washington", "Bruxelles", "voitures", "électriques",
                    "modèle", "open", "source", "ministres", "accord", "commercial", "et", "des", "pour", "le"),
            "en", List.of("the", "summit", "leaders", "agreed", "on", "AI", "governance", "rules", "in", "Shanghai",
                    "APEC", "ministers", "tariffs", "export", "controls", "chips", "Nvidia", "TSMC", "battery",
                    "makers", "solar", "panels", "electric", "vehicles", "open-weight", "model", "released",
                    "Beijing", "Washington", "trade", "deal", "regulation", "of", "and", "a", "for", "with", "said"),
            "es", List.of("la", "cumbre", "de", "la", "APEC", "en", "Shanghái", "regulación", "de", "la", "IA",
                    "aranceles", "chips", "baterías", "paneles", "solares", "vehículos", "eléctricos", "Pekín",
                    "acuerdo", "comercial", "modelo", "abierto", "y", "el", "los", "para"),
            "de", List.of("der", "Gipfel", "der", "APEC", "in", "Schanghai", "KI-Regulierung", "Zölle", "Chips",
                    "Halbleiter", "Batterien", "Solarmodule", "Elektroautos", "Peking", "Handelsabkommen",
                    "offenes", "Modell", "und", "die", "das", "für", "mit"));

    private SyntheticArticles() {
    }

    /** One article's text of about {@code bytes} characters in {@code language}. */
    static String text(String language, int bytes, long seed) {
        List<String> words = WORDS.getOrDefault(language, WORDS.get("en"));
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder(bytes + 32);
        boolean sentenceStart = true;
        while (out.length() < bytes) {
            String word = words.get(random.nextInt(words.size()));
            if (sentenceStart) {
                word = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
            }
            out.append(word);
            sentenceStart = random.nextInt(12) == 0;
            out.append(sentenceStart ? ". " : " ");
        }
        return out.toString();
    }

    static String title(String language, long seed) {
        return text(language, 60, seed).strip();
    }
}
