package dev.newsflow.bench;

import java.util.Arrays;
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

    private static final int SENTENCES_A_PARAGRAPH = 4;

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

    /**
     * The same text as {@link #text} marked up as a site's feed carries it: paragraphs of a few sentences,
     * each with a link and an emphasised word, so that ingest reads it through its HTML parser and sanitiser.
     */
    static String html(String language, int bytes, long seed) {
        SplittableRandom random = new SplittableRandom(~seed);
        String[] sentences = text(language, bytes, seed).split("(?<=\\. )");
        StringBuilder out = new StringBuilder(bytes * 5 / 4);
        for (int first = 0; first < sentences.length; first += SENTENCES_A_PARAGRAPH) {
            String paragraph = String.join("", Arrays.asList(sentences)
                    .subList(first, Math.min(sentences.length, first + SENTENCES_A_PARAGRAPH)));
            String[] words = paragraph.strip().split(" ");
            int link = random.nextInt(words.length);
            int emphasis = random.nextInt(words.length);
            out.append("<p>");
            for (int w = 0; w < words.length; w++) {
                out.append(w == 0 ? "" : " ");
                if (w == link) {
                    out.append("<a href=\"https://synthetic.newsflow.dev/tag/").append(random.nextInt(1000))
                            .append("\">").append(words[w]).append("</a>");
                } else if (w == emphasis) {
                    out.append("<em>").append(words[w]).append("</em>");
                } else {
                    out.append(words[w]);
                }
            }
            out.append("</p>\n");
        }
        return out.toString();
    }

    static String title(String language, long seed) {
        return text(language, 60, seed).strip();
    }
}
