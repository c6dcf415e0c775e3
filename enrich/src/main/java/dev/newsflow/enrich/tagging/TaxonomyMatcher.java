package dev.newsflow.enrich.tagging;

import dev.newsflow.enrich.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds every topic term and entity alias of a taxonomy in a text as whole words, walking a double-array trie
 * of the folded patterns from each word start of the folded text ({@link WordStartTrie}: compact, and it
 * reports hits without allocating), then keeps the matches a reader would accept: exact case where the
 * taxonomy (or a short all-capitals alias such as {@code US}) asks for it, and the longest match where
 * matches overlap ({@code New Mexico} over {@code Mexico}). Topic terms and entity aliases overlap
 * separately, so {@code APEC summit} counts as a term and {@code APEC} inside it still names the entity.
 * Thread-safe once built.
 */
final class TaxonomyMatcher {

    /** All-capitals aliases up to this length are read case-sensitively ({@code US}, {@code AI}, {@code UN}). */
    private static final int SHORT_ACRONYM = 3;

    private final WordStartTrie<Payload> trie = new WordStartTrie<>();
    private final int patterns;
    /** The length of the longest folded pattern, which bounds every span's. */
    private final int longestPattern;

    TaxonomyMatcher(Taxonomy taxonomy) {
        Map<String, List<Target>> byPattern = new HashMap<>();
        Map<String, Integer> termNumbers = new HashMap<>();
        List<Taxonomy.Topic> topics = taxonomy.topics();
        for (int t = 0; t < topics.size(); t++) {
            Taxonomy.Topic topic = topics.get(t);
            for (var byLanguage : topic.terms().entrySet()) {
                for (var term : byLanguage.getValue().entrySet()) {
                    add(byPattern, term.getKey(), new Target(Target.Kind.TOPIC_TERM, t, byLanguage.getKey(),
                            term.getValue(), exactForm(term.getKey(), topic.exactCase().contains(term.getKey())),
                            termNumbers.computeIfAbsent(termKey(term.getKey()), k -> termNumbers.size())));
                }
            }
        }
        List<Taxonomy.Entity> entities = taxonomy.entities();
        for (int e = 0; e < entities.size(); e++) {
            Taxonomy.Entity entity = entities.get(e);
            for (var byLanguage : entity.aliases().entrySet()) {
                for (String alias : byLanguage.getValue()) {
                    add(byPattern, alias, new Target(Target.Kind.ENTITY_ALIAS, e, byLanguage.getKey(), 0,
                            exactForm(alias, entity.exactCase().contains(alias)), -1));
                }
            }
        }
        TreeMap<String, Payload> sorted = new TreeMap<>();
        byPattern.forEach((pattern, targets) -> sorted.put(pattern, Payload.of(targets)));
        trie.build(sorted);
        this.patterns = sorted.size();
        this.longestPattern = sorted.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    int patternCount() {
        return patterns;
    }

    /**
     * The accepted matches in one field, in text order.
     *
     * @param language the article's language; topic terms of other languages are ignored, unless it is
     *                 null or not a taxonomy language. Entity aliases count in every language.
     */
    List<Match> find(String field, FoldedText text, String language) {
        List<Candidate> topicSpans = new ArrayList<>();
        List<Candidate> entitySpans = new ArrayList<>();
        boolean anyLanguage = language == null || !Taxonomy.LANGUAGES.contains(language);
        trie.parseWords(text.chars(), text.length(), (start, end, payload) -> {
            int originalStart = text.originalStart(start);
            int originalEnd = text.originalEnd(end);
            List<Target> topicTargets = payload.topics(anyLanguage ? null : language);
            List<Target> entityTargets = payload.entities;
            if (payload.exactForms) {
                topicTargets = writtenAsRequired(topicTargets, text.original(), originalStart, originalEnd);
                entityTargets = writtenAsRequired(entityTargets, text.original(), originalStart, originalEnd);
            }
            if (!topicTargets.isEmpty()) {
                topicSpans.add(new Candidate(start, end, originalStart, originalEnd, topicTargets));
            }
            if (!entityTargets.isEmpty()) {
                entitySpans.add(new Candidate(start, end, originalStart, originalEnd, entityTargets));
            }
        });
        List<Match> topics = new ArrayList<>();
        longestFirst(field, text.original(), topicSpans, text.length(), topics);
        List<Match> entities = new ArrayList<>();
        longestFirst(field, text.original(), entitySpans, text.length(), entities);
        return inTextOrder(topics, entities);
    }

    /**
     * Merges two lists of matches that are each in text order; a span that is both a topic term and an entity
     * alias ({@code APEC}) becomes one match with both kinds of targets, the topic terms first, so that it is
     * one piece of evidence wherever it counts.
     */
    private static List<Match> inTextOrder(List<Match> topics, List<Match> entities) {
        List<Match> merged = new ArrayList<>(topics.size() + entities.size());
        int t = 0;
        int e = 0;
        while (t < topics.size() || e < entities.size()) {
            if (e == entities.size()) {
                merged.add(topics.get(t++));
            } else if (t == topics.size()) {
                merged.add(entities.get(e++));
            } else {
                Match topic = topics.get(t);
                Match entity = entities.get(e);
                if (topic.start() == entity.start() && topic.end() == entity.end()) {
                    List<Target> both = new ArrayList<>(topic.targets());
                    both.addAll(entity.targets());
                    merged.add(new Match(topic.field(), topic.start(), topic.end(), topic.text(), both));
                    t++;
                    e++;
                } else if (topic.start() <= entity.start()) {
                    merged.add(topics.get(t++));
                } else {
                    merged.add(entities.get(e++));
                }
            }
        }
        return merged;
    }

    /**
     * Keeps the longest of overlapping spans, the earliest among equals. The spans are visited longest
     * first by a counting sort on their length (at most the longest pattern's), which keeps the order of
     * spans of one length: the trie reports spans by where they start, so those are in text order. The
     * spans kept do not overlap, so in the trie's order they are in text order too.
     */
    private void longestFirst(String field, String original, List<Candidate> spans, int length, List<Match> into) {
        int n = spans.size();
        if (n == 0) {
            return;
        }
        int[] firstOfLength = new int[longestPattern + 2];
        for (Candidate c : spans) {
            firstOfLength[longestPattern - (c.end - c.start) + 1]++;
        }
        for (int k = 1; k < firstOfLength.length; k++) {
            firstOfLength[k] += firstOfLength[k - 1];
        }
        int[] longestFirst = new int[n];
        for (int i = 0; i < n; i++) {
            Candidate c = spans.get(i);
            longestFirst[firstOfLength[longestPattern - (c.end - c.start)]++] = i;
        }
        BitSet taken = new BitSet(length);
        boolean[] kept = new boolean[n];
        for (int i : longestFirst) {
            Candidate c = spans.get(i);
            int firstTaken = taken.nextSetBit(c.start);
            if (firstTaken < 0 || firstTaken >= c.end) {
                taken.set(c.start, c.end);
                kept[i] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            if (kept[i]) {
                Candidate c = spans.get(i);
                into.add(new Match(field, c.originalStart, c.originalEnd,
                        original.substring(c.originalStart, c.originalEnd), c.targets));
            }
        }
    }

    private static void add(Map<String, List<Target>> byPattern, String term, Target target) {
        String folded = FoldedText.fold(term).strip();
        if (!folded.isEmpty()) {
            byPattern.computeIfAbsent(folded, k -> new ArrayList<>()).add(target);
        }
    }

    private static String exactForm(String term, boolean listedExact) {
        return listedExact || isShortAcronym(term) ? term : null;
    }

    private static boolean isShortAcronym(String term) {
        if (term.length() > SHORT_ACRONYM) {
            return false;
        }
        return term.chars().allMatch(c -> Character.isUpperCase(c) || c == '.');
    }

    private static String termKey(String term) {
        return FoldedText.fold(term).replace('-', ' ');
    }

    /** The targets that count at this span: those with an exact form count only where the text reads so. */
    private static List<Target> writtenAsRequired(List<Target> targets, String original, int start, int end) {
        List<Target> kept = new ArrayList<>(targets.size());
        for (Target target : targets) {
            if (target.exactForm() == null || writtenAs(original, start, end, target.exactForm())) {
                kept.add(target);
            }
        }
        return kept;
    }

    /** True when the original text reads exactly {@code form} between {@code start} and {@code end}. */
    private static boolean writtenAs(String original, int start, int end, String form) {
        return end - start == form.length() && original.startsWith(form, start);
    }

    private record Candidate(int start, int end, int originalStart, int originalEnd, List<Target> targets) {
    }

    /**
     * What one folded pattern stands for, split by kind and, for topic terms, by language ahead of time:
     * the trie reports every occurrence, so a hit should find its lists ready rather than build them.
     *
     * @param exactForms whether any target counts only where the original text reads exactly so
     */
    private record Payload(List<Target> entities, List<Target> allTopics, Map<String, List<Target>> topicsByLanguage,
                           boolean exactForms) {

        static Payload of(List<Target> targets) {
            List<Target> entities = new ArrayList<>();
            List<Target> topics = new ArrayList<>();
            Map<String, List<Target>> byLanguage = new HashMap<>();
            for (Target target : targets) {
                if (target.kind() == Target.Kind.TOPIC_TERM) {
                    topics.add(target);
                    byLanguage.computeIfAbsent(target.language(), k -> new ArrayList<>()).add(target);
                } else {
                    entities.add(target);
                }
            }
            byLanguage.replaceAll((language, list) -> List.copyOf(list));
            return new Payload(List.copyOf(entities), List.copyOf(topics), Map.copyOf(byLanguage),
                    targets.stream().anyMatch(t -> t.exactForm() != null));
        }

        /** @param language the article's language, or null for topic terms of every language */
        List<Target> topics(String language) {
            return language == null ? allTopics : topicsByLanguage.getOrDefault(language, List.of());
        }
    }
}
