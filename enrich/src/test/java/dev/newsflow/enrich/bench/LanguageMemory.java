package dev.newsflow.enrich.bench;

import dev.newsflow.enrich.tagging.LanguageGuesser;
import dev.newsflow.enrich.tagging.TaxonomyTagger;
import dev.newsflow.enrich.taxonomy.TaxonomyLoader;
import java.time.Clock;
import java.util.Locale;

/**
 * Measures the heap the language detector (four languages, models preloaded) and the compiled taxonomy
 * hold once built: used heap after a full collection, before and after. Run by hand; see enrich/README.md.
 */
public final class LanguageMemory {

    private LanguageMemory() {
    }

    public static void main(String[] args) {
        LanguageGuesser.Accuracy accuracy = args.length > 0
                ? LanguageGuesser.Accuracy.valueOf(args[0].toUpperCase(Locale.ROOT)) : LanguageGuesser.Accuracy.HIGH;
        long before = usedAfterGc();
        LanguageGuesser languages = new LanguageGuesser(accuracy);
        String guess = languages.guess("Pékin propose une organisation mondiale de l’IA à Shanghai");
        long withLanguages = usedAfterGc();
        TaxonomyTagger tagger = new TaxonomyTagger(TaxonomyLoader.bundled(), languages, Clock.systemUTC());
        long withTaxonomy = usedAfterGc();
        System.out.printf(Locale.ROOT, "language detector (en, fr, es, de, preloaded, %s accuracy): %.1f MB"
                + " (guessed %s)%n", accuracy, (withLanguages - before) / 1e6, guess);
        System.out.printf(Locale.ROOT, "compiled taxonomy %s: %.1f MB%n", tagger.taxonomy().version(),
                (withTaxonomy - withLanguages) / 1e6);
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
