package dev.newsflow.enrich.tagging;

import dev.newsflow.core.Evidence;
import dev.newsflow.core.TopicTag;
import dev.newsflow.enrich.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores topics from matches: each distinct term adds its weight once (so a long article that says "AI"
 * forty times is not thereby about AI governance), each distinct entity adds the weight of its link to
 * the topic, and a topic is attached when its score reaches the taxonomy's threshold.
 */
final class TopicScorer {

    private final Taxonomy taxonomy;
    /** Per entity, the topics a mention of it supports and the weight it adds to each, by topic index. */
    private final int[][] entityTopics;
    private final double[][] entityWeights;

    TopicScorer(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        Map<String, Integer> topicIndex = new HashMap<>();
        for (int i = 0; i < taxonomy.topics().size(); i++) {
            topicIndex.put(taxonomy.topics().get(i).id(), i);
        }
        List<Taxonomy.Entity> entities = taxonomy.entities();
        entityTopics = new int[entities.size()][];
        entityWeights = new double[entities.size()][];
        for (int e = 0; e < entities.size(); e++) {
            List<Map.Entry<String, Double>> links = List.copyOf(entities.get(e).topics().entrySet());
            entityTopics[e] = new int[links.size()];
            entityWeights[e] = new double[links.size()];
            for (int k = 0; k < links.size(); k++) {
                entityTopics[e][k] = topicIndex.get(links.get(k).getKey());
                entityWeights[e][k] = links.get(k).getValue();
            }
        }
    }

    List<TopicTag> score(List<Match> matches) {
        int n = taxonomy.topics().size();
        double[] scores = new double[n];
        // Made on a topic's first match only: most articles touch few of the topics.
        BitSet[] countedTerms = new BitSet[n];
        List<List<Evidence>> evidence = new ArrayList<>(Collections.nCopies(n, null));
        BitSet countedEntities = new BitSet(entityTopics.length);
        BitSet supported = new BitSet(n);
        for (Match match : matches) {
            supported.clear();
            for (Target target : match.targets()) {
                if (target.kind() == Target.Kind.TOPIC_TERM) {
                    int t = target.index();
                    if (countedTerms[t] == null) {
                        countedTerms[t] = new BitSet();
                    }
                    if (!countedTerms[t].get(target.term())) {
                        countedTerms[t].set(target.term());
                        scores[t] += target.weight();
                    }
                    supported.set(t);
                } else {
                    int e = target.index();
                    boolean first = !countedEntities.get(e);
                    countedEntities.set(e);
                    for (int k = 0; k < entityTopics[e].length; k++) {
                        if (first) {
                            scores[entityTopics[e][k]] += entityWeights[e][k];
                        }
                        supported.set(entityTopics[e][k]);
                    }
                }
            }
            Evidence where = new Evidence(match.field(), match.start(), match.end(), match.text());
            for (int t = supported.nextSetBit(0); t >= 0; t = supported.nextSetBit(t + 1)) {
                if (evidence.get(t) == null) {
                    evidence.set(t, new ArrayList<>());
                }
                evidence.get(t).add(where);
            }
        }
        List<TopicTag> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (scores[i] >= taxonomy.threshold()) {
                List<Evidence> found = evidence.get(i) == null ? List.of() : evidence.get(i);
                Taxonomy.Topic topic = taxonomy.topics().get(i);
                tags.add(new TopicTag(topic.id(), topic.label(), scores[i],
                        found.subList(0, Math.min(found.size(), TaxonomyTagger.MAX_EVIDENCE))));
            }
        }
        tags.sort(Comparator.comparingDouble(TopicTag::score).reversed().thenComparing(TopicTag::id));
        return tags;
    }
}
