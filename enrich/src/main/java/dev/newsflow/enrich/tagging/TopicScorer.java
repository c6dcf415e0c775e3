package dev.newsflow.enrich.tagging;

import dev.newsflow.core.Evidence;
import dev.newsflow.core.TopicTag;
import dev.newsflow.enrich.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores topics from matches: each distinct term adds its weight once (so a long article that says "AI"
 * forty times is not thereby about AI governance), each distinct entity adds the weight of its link to
 * the topic, and a topic is attached when its score reaches the taxonomy's threshold.
 */
final class TopicScorer {

    private final Taxonomy taxonomy;
    private final Map<String, Integer> topicIndex = new HashMap<>();

    TopicScorer(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        for (int i = 0; i < taxonomy.topics().size(); i++) {
            topicIndex.put(taxonomy.topics().get(i).id(), i);
        }
    }

    List<TopicTag> score(List<Match> matches) {
        int n = taxonomy.topics().size();
        double[] scores = new double[n];
        // Made on a topic's first match only: most articles touch few of the topics.
        List<Set<String>> countedTerms = new ArrayList<>(Collections.nCopies(n, null));
        List<List<Evidence>> evidence = new ArrayList<>(Collections.nCopies(n, null));
        Set<Integer> countedEntities = new HashSet<>();
        BitSet supported = new BitSet(n);
        for (Match match : matches) {
            supported.clear();
            for (Target target : match.targets()) {
                if (target.kind() == Target.Kind.TOPIC_TERM) {
                    int t = target.index();
                    if (countedTerms.get(t) == null) {
                        countedTerms.set(t, new HashSet<>());
                    }
                    if (countedTerms.get(t).add(target.termKey())) {
                        scores[t] += target.weight();
                    }
                    supported.set(t);
                } else {
                    Taxonomy.Entity entity = taxonomy.entities().get(target.index());
                    boolean first = countedEntities.add(target.index());
                    entity.topics().forEach((topicId, weight) -> {
                        int t = topicIndex.get(topicId);
                        if (first) {
                            scores[t] += weight;
                        }
                        supported.set(t);
                    });
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
