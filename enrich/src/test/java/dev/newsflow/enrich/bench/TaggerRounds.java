package dev.newsflow.enrich.bench;

import dev.newsflow.core.RawArticle;
import dev.newsflow.enrich.tagging.LanguageGuesser;
import dev.newsflow.enrich.tagging.TaxonomyTagger;
import dev.newsflow.enrich.taxonomy.TaxonomyLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.List;

/**
 * The tagger's CPU an article, as its thread counts it, at the best of many rounds over {@link TaggerBenchmark}'s
 * articles (language given). On a shared machine JMH's error bars can be wider than its figures; the best round
 * is what the code costs when the other tenants let it run, and it moves little from run to run. Not a test: run
 * by hand beside the code before a change, alternately (enrich/README.md has the command).
 */
public final class TaggerRounds {

    /** Each round tags every article this many times, long enough for the thread's CPU clock to resolve. */
    private static final int PASSES = 10;

    private TaggerRounds() {
    }

    /** @param args the rounds measured (default 50), after as many unmeasured for the JIT compilers */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        TaxonomyTagger tagger = new TaxonomyTagger(TaxonomyLoader.bundled(), new LanguageGuesser(), Clock.systemUTC());
        List<RawArticle> articles = TaggerBenchmark.articles(true);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        long tags = 0;
        for (int round = 0; round < 2 * rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int pass = 0; pass < PASSES; pass++) {
                for (RawArticle article : articles) {
                    tags += tagger.tag(article).topics().size();
                }
            }
            double micros = (threads.getCurrentThreadCpuTime() - start) / 1e3 / (PASSES * articles.size());
            if (round >= rounds) {
                best = Math.min(best, micros);
            }
        }
        System.out.printf("tagger: %.1f µs of CPU an article at the best of %d rounds of %d (%d topic tags)%n",
                best, rounds, PASSES * articles.size(), tags);
    }
}
