package dev.newsflow.enrich;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Evidence;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.TopicTag;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A first tagger: a small weighted keyword list per topic, in French and English, matched as whole words
 * on case- and accent-folded text. A topic is attached when its matched weights reach {@link #THRESHOLD}.
 */
public final class KeywordTagger implements ArticleTagger {

    static final String VERSION = "keywords-1";
    static final int THRESHOLD = 2;

    private record Topic(String id, String label, Map<String, Integer> terms) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic("ai-governance", "AI governance", Map.ofEntries(
                    Map.entry("ai governance", 2), Map.entry("governance of ai", 2), Map.entry("ai regulation", 2),
                    Map.entry("regulate ai", 2), Map.entry("regulating ai", 2), Map.entry("ai act", 2),
                    Map.entry("ai cooperation", 2), Map.entry("gouvernance de l'ia", 2),
                    Map.entry("gouvernance mondiale de l'ia", 2), Map.entry("regulation de l'ia", 2),
                    Map.entry("reguler l'ia", 2), Map.entry("cooperation en matiere d'intelligence artificielle", 2),
                    Map.entry("cooperation sur l'intelligence artificielle", 2),
                    Map.entry("artificial intelligence", 1), Map.entry("intelligence artificielle", 1),
                    Map.entry("regulation", 1), Map.entry("governance", 1), Map.entry("gouvernance", 1),
                    Map.entry("reglementation", 1))),
            new Topic("green-tech", "Green tech", Map.ofEntries(
                    Map.entry("green technology", 2), Map.entry("green technologies", 2), Map.entry("clean energy", 2),
                    Map.entry("solar panels", 2), Map.entry("electric vehicles", 2), Map.entry("green hydrogen", 2),
                    Map.entry("wind power", 2), Map.entry("technologies vertes", 2), Map.entry("energie propre", 2),
                    Map.entry("panneaux solaires", 2), Map.entry("voitures electriques", 2),
                    Map.entry("hydrogene vert", 2), Map.entry("eoliennes", 2), Map.entry("batteries", 1),
                    Map.entry("battery", 1), Map.entry("solaire", 1), Map.entry("solar", 1))),
            new Topic("apec", "APEC", Map.of(
                    "apec", 2, "asia-pacific economic cooperation", 2,
                    "cooperation economique pour l'asie-pacifique", 2)));

    private final Clock clock;

    public KeywordTagger(Clock clock) {
        this.clock = clock;
    }

    @Override
    public EnrichedArticle tag(RawArticle article) {
        List<TopicTag> found = new ArrayList<>();
        String[][] fields = {{"title", article.title()}, {"summary", article.summary()}, {"content", article.content()}};
        for (Topic topic : TOPICS) {
            int score = 0;
            List<Evidence> evidence = new ArrayList<>();
            for (var term : topic.terms().entrySet()) {
                boolean matched = false;
                for (String[] field : fields) {
                    String folded = fold(field[1]);
                    for (int at = folded.indexOf(term.getKey()); at >= 0; at = folded.indexOf(term.getKey(), at + 1)) {
                        int end = at + term.getKey().length();
                        if (isWordEdge(folded, at - 1) && isWordEdge(folded, end)) {
                            evidence.add(new Evidence(field[0], at, end, field[1].substring(at, end)));
                            matched = true;
                        }
                    }
                }
                score += matched ? term.getValue() : 0;
            }
            if (score >= THRESHOLD) {
                found.add(new TopicTag(topic.id(), topic.label(), score, evidence));
            }
        }
        return EnrichedArticle.of(article, article.language(), found, List.of(), VERSION, clock.instant());
    }

    /** Lower case without accents, one char for one char, so offsets in the folded text hold in the original. */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u2019' || c == '\u02BC') {
                out.append('\'');
                continue;
            }
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            out.append(decomposed.substring(0, 1).toLowerCase(Locale.ROOT).charAt(0));
        }
        return out.toString();
    }

    private static boolean isWordEdge(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }
}
