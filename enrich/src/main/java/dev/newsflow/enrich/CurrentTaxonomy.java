package dev.newsflow.enrich;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.RawArticle;
import dev.newsflow.enrich.tagging.LanguageGuesser;
import dev.newsflow.enrich.tagging.TaxonomyTagger;
import dev.newsflow.enrich.taxonomy.Taxonomy;
import dev.newsflow.enrich.taxonomy.TaxonomyException;
import dev.newsflow.enrich.taxonomy.TaxonomyLoader;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tagger of the taxonomy in force. A new taxonomy document (from {@code news.taxonomy}) is compiled
 * once and swapped in atomically, so the next article is tagged with it and none sees a half-built one.
 * Thread-safe: stream threads read it while the global thread replaces it.
 */
public final class CurrentTaxonomy implements ArticleTagger {

    private static final Logger log = LoggerFactory.getLogger(CurrentTaxonomy.class);

    private final AtomicReference<TaxonomyTagger> current;
    private final LanguageGuesser languages;
    private final Clock clock;

    public CurrentTaxonomy(Taxonomy initial, LanguageGuesser languages, Clock clock) {
        this.languages = languages;
        this.clock = clock;
        this.current = new AtomicReference<>(new TaxonomyTagger(initial, languages, clock));
    }

    @Override
    public EnrichedArticle tag(RawArticle article) {
        return current.get().tag(article);
    }

    public String version() {
        return current.get().taxonomy().version();
    }

    /**
     * Applies a published taxonomy document. A document that does not validate is logged and ignored:
     * the taxonomy in force stays, since tagging with none would be worse. The CLI validates before
     * publishing, so this is a last guard.
     *
     * @return true when the taxonomy in force changed
     */
    public boolean apply(String yaml) {
        Taxonomy next;
        try {
            next = TaxonomyLoader.parse(yaml);
        } catch (TaxonomyException e) {
            log.error("ignoring a published taxonomy that does not validate: {}", e.problems());
            return false;
        }
        if (next.version().equals(version())) {
            return false;
        }
        String before = version();
        current.set(new TaxonomyTagger(next, languages, clock));
        log.info("taxonomy {} replaces {}", next.version(), before);
        return true;
    }
}
