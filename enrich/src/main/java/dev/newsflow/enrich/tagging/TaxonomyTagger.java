package dev.newsflow.enrich.tagging;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.EntityTag;
import dev.newsflow.core.Evidence;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.TopicTag;
import dev.newsflow.enrich.ArticleTagger;
import dev.newsflow.enrich.taxonomy.Taxonomy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tags an article with one taxonomy: detects its language when the feed gave none, matches title,
 * summary and content, and scores topics; every tag carries the spans that produced it. Thread-safe.
 */
public final class TaxonomyTagger implements ArticleTagger {

    /** Evidence kept per tag: enough to explain it, bounded so a long article stays a small record. */
    static final int MAX_EVIDENCE = 10;

    /** Each thread that tags folds every field of every article into the same arrays. */
    private static final ThreadLocal<FoldedText.Buffers> FOLDING = ThreadLocal.withInitial(FoldedText.Buffers::new);

    private final Taxonomy taxonomy;
    private final TaxonomyMatcher matcher;
    private final TopicScorer scorer;
    private final LanguageGuesser languages;
    private final Clock clock;

    public TaxonomyTagger(Taxonomy taxonomy, LanguageGuesser languages, Clock clock) {
        this.taxonomy = taxonomy;
        this.matcher = new TaxonomyMatcher(taxonomy);
        this.scorer = new TopicScorer(taxonomy);
        this.languages = languages;
        this.clock = clock;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    @Override
    public EnrichedArticle tag(RawArticle article) {
        String language = languageOf(article);
        List<Match> matches = new ArrayList<>();
        // Each folded field is read before the next is folded into the same arrays.
        FoldedText.Buffers buffers = FOLDING.get();
        matches.addAll(matcher.find("title", FoldedText.of(article.title(), buffers), language));
        matches.addAll(matcher.find("summary", FoldedText.of(article.summary(), buffers), language));
        matches.addAll(matcher.find("content", FoldedText.of(article.content(), buffers), language));
        List<TopicTag> topics = scorer.score(matches);
        return EnrichedArticle.of(article, language, topics, entities(matches), taxonomy.version(),
                clock.instant());
    }

    private String languageOf(RawArticle article) {
        if (article.language() != null && !article.language().isBlank()) {
            // Feeds write "en-US" or "FR"; the tags and the schema speak ISO 639-1.
            String code = article.language().strip().toLowerCase(Locale.ROOT);
            int dash = code.indexOf('-');
            return dash > 0 ? code.substring(0, dash) : code;
        }
        return languages.guess(article.title() + "\n" + article.summary() + "\n" + article.content());
    }

    private List<EntityTag> entities(List<Match> matches) {
        // Keyed by the entity's place in the taxonomy, in that order: an article names few of the taxonomy's
        // entities, and equal ones keep the taxonomy's order through the sort below.
        Map<Integer, List<Evidence>> byEntity = new TreeMap<>();
        for (Match match : matches) {
            Evidence where = null;
            for (Target target : match.targets()) {
                if (target.kind() != Target.Kind.ENTITY_ALIAS) {
                    continue;
                }
                List<Evidence> found = byEntity.computeIfAbsent(target.index(), e -> new ArrayList<>());
                if (where == null) {
                    where = new Evidence(match.field(), match.start(), match.end(), match.text());
                }
                // One span is one mention, however many of the entity's aliases it matched.
                if (found.isEmpty() || found.get(found.size() - 1) != where) {
                    found.add(where);
                }
            }
        }
        List<EntityTag> tags = new ArrayList<>(byEntity.size());
        byEntity.forEach((e, evidence) -> {
            Taxonomy.Entity entity = taxonomy.entities().get(e);
            tags.add(new EntityTag(entity.name(), entity.type().name(), evidence.size(),
                    evidence.subList(0, Math.min(evidence.size(), MAX_EVIDENCE))));
        });
        tags.sort(Comparator.comparingInt(EntityTag::mentions).reversed().thenComparing(EntityTag::name));
        return tags;
    }
}
