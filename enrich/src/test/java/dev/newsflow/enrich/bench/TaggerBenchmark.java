package dev.newsflow.enrich.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.FeedRef;
import dev.newsflow.core.Json;
import dev.newsflow.core.RawArticle;
import dev.newsflow.enrich.tagging.LanguageGuesser;
import dev.newsflow.enrich.tagging.TaxonomyTagger;
import dev.newsflow.enrich.taxonomy.Taxonomy;
import dev.newsflow.enrich.taxonomy.TaxonomyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The tagger on ~5 KB articles with the full bundled taxonomy, beside a naive baseline that runs one
 * case-insensitive whole-word regex per term and alias over the same articles. Not a test: run by hand,
 * see enrich/README.md for the command. One op is one article.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TaggerBenchmark {

    static final int ARTICLE_CHARS = 5_000;
    static final int ARTICLES = 32;

    private List<RawArticle> withLanguage;
    private List<RawArticle> withoutLanguage;
    private TaxonomyTagger tagger;
    private List<Pattern> naive;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Taxonomy taxonomy = TaxonomyLoader.bundled();
        tagger = new TaxonomyTagger(taxonomy, new LanguageGuesser(), Clock.systemUTC());
        naive = naivePatterns(taxonomy);
        withLanguage = articles(true);
        withoutLanguage = articles(false);
    }

    @Benchmark
    public Object taxonomyTagger() {
        return tagger.tag(withLanguage.get(next++ & (ARTICLES - 1)));
    }

    /**
     * The tagger as it runs inside the pipeline, where the broker, the other services and the machine's
     * other tenants evict its taxonomy from the caches between articles: before each article a sweep over
     * more memory than the last-level cache holds (not timed).
     */
    @State(Scope.Thread)
    public static class EvictedCaches {
        private final long[] sweep = new long[64 * 1024 * 1024 / Long.BYTES];
        long sink;

        @Setup(Level.Invocation)
        public void evict() {
            long sum = 0;
            for (int i = 0; i < sweep.length; i += 8) { // a long in each 64-byte cache line
                sweep[i]++;
                sum += sweep[i];
            }
            sink = sum;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object taxonomyTaggerAfterEviction(EvictedCaches caches) {
        return tagger.tag(withLanguage.get(next++ & (ARTICLES - 1)));
    }

    @Benchmark
    public Object taxonomyTaggerDetectingLanguage() {
        return tagger.tag(withoutLanguage.get(next++ & (ARTICLES - 1)));
    }

    @Benchmark
    public int naiveRegexPerAlias() {
        RawArticle article = withLanguage.get(next++ & (ARTICLES - 1));
        int found = 0;
        for (String text : List.of(article.title(), article.summary(), article.content())) {
            for (Pattern pattern : naive) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    found++;
                }
            }
        }
        return found;
    }

    /** One regex per distinct term and alias: what a first version would write. */
    static List<Pattern> naivePatterns(Taxonomy taxonomy) {
        Set<String> terms = new LinkedHashSet<>();
        taxonomy.topics().forEach(t -> t.terms().values().forEach(byTerm -> terms.addAll(byTerm.keySet())));
        taxonomy.entities().forEach(e -> e.aliases().values().forEach(terms::addAll));
        List<Pattern> patterns = new ArrayList<>(terms.size());
        for (String term : terms) {
            patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        return patterns;
    }

    /** ~5 KB articles built from the labelled news texts, each a different rotation of them. */
    static List<RawArticle> articles(boolean withLanguage) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        try (InputStream in = TaggerBenchmark.class.getResourceAsStream("/labelled/articles.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    items.add(Json.MAPPER.readTree(line));
                }
            }
        }
        List<RawArticle> out = new ArrayList<>();
        for (int a = 0; a < ARTICLES; a++) {
            JsonNode lead = items.get(a % items.size());
            StringBuilder content = new StringBuilder();
            // Same-language paragraphs, as a real article would have.
            for (int k = 0; content.length() < ARTICLE_CHARS; k++) {
                JsonNode item = items.get((a + k) % items.size());
                if (item.get("language").asText().equals(lead.get("language").asText())) {
                    content.append(item.get("summary").asText()).append("\n\n");
                }
            }
            out.add(new RawArticle(RawArticle.SCHEMA_VERSION, "bench-" + a, 1, "https://bench.example/" + a,
                    lead.get("title").asText(), lead.get("summary").asText(),
                    content.substring(0, ARTICLE_CHARS), null,
                    withLanguage ? lead.get("language").asText() : null, List.of(), List.of(), null,
                    Instant.parse("2026-11-24T00:00:00Z"), new FeedRef("https://bench.example/feed", "bench")));
        }
        return out;
    }
}
