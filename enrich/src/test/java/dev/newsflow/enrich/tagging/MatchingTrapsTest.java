package dev.newsflow.enrich.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.EntityTag;
import dev.newsflow.core.Evidence;
import dev.newsflow.core.FeedRef;
import dev.newsflow.core.RawArticle;
import dev.newsflow.enrich.taxonomy.TaxonomyLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The traps of issue 4, point 4, each on the bundled taxonomy. */
class MatchingTrapsTest {

    private static TaxonomyTagger tagger;

    @BeforeAll
    static void loadTagger() {
        tagger = new TaxonomyTagger(TaxonomyLoader.bundled(), new LanguageGuesser(),
                Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));
    }

    private static EnrichedArticle tag(String language, String title, String summary) {
        return tagger.tag(new RawArticle(RawArticle.SCHEMA_VERSION, "id", 1, "https://x.example/a", title, summary,
                "", null, language, List.of(), List.of(), null, Instant.parse("2026-11-24T00:00:00Z"),
                new FeedRef("https://x.example/feed", "test")));
    }

    private static Optional<EntityTag> entity(EnrichedArticle article, String name) {
        return article.entities().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    @Test
    void readsFrenchElisionWithEitherApostrophe() {
        EnrichedArticle article = tag("fr", "Le sommet de l’APEC et l'IA", "Les ambitions d'Alibaba.");
        assertTrue(entity(article, "APEC").isPresent(), () -> "entities " + article.entities());
        assertTrue(entity(article, "Alibaba Group").isPresent() || entity(article, "Alibaba").isPresent(),
                () -> "entities " + article.entities());
        assertTrue(article.hasTopic("apec"));
    }

    @Test
    void doesNotFindAiInsideOtherWords() {
        EnrichedArticle article = tag("en", "He said the trail was plain", "Maintain the rail, said Aidan.");
        assertTrue(article.topics().isEmpty(), () -> "topics " + article.topics());
    }

    @Test
    void doesNotReadApexAsApec() {
        EnrichedArticle article = tag("en", "Apex Legends tournament", "The Apex finals drew a crowd.");
        assertFalse(article.hasTopic("apec"));
        assertTrue(entity(article, "APEC").isEmpty());
    }

    @Test
    void doesNotReadGreenlandAsGreenTech() {
        EnrichedArticle article = tag("en", "Tourism booms in Greenland", "Greenland's green valleys draw hikers.");
        assertFalse(article.hasTopic("green-tech"), () -> "topics " + article.topics());
        assertTrue(entity(article, "Greenland").isPresent());
    }

    @Test
    void prefersTheLongestMatch() {
        EnrichedArticle article = tag("en", "Drought in New Mexico", "Samsung SDI opens a plant.");
        assertTrue(entity(article, "New Mexico").isPresent(), () -> "entities " + article.entities());
        assertTrue(entity(article, "Mexico").isEmpty(), () -> "entities " + article.entities());
        assertTrue(entity(article, "Samsung Electronics").isEmpty(), () -> "entities " + article.entities());
    }

    @Test
    void matchesMultiWordAliasesAcrossLineBreaksAndInOtherLanguages() {
        EnrichedArticle article = tag("fr", "Les États-Unis et Pékin",
                "Accord entre les Etats-Unis et la\nCorée du Sud.");
        EntityTag us = entity(article, "United States").orElseThrow();
        assertEquals(2, us.mentions());
        assertTrue(entity(article, "Beijing").isPresent());
        assertTrue(entity(article, "South Korea").isPresent(), () -> "entities " + article.entities());
    }

    @Test
    void readsShortAmbiguousAliasesOnlyInTheirCase() {
        EnrichedArticle lower = tag("en", "Let us go", "Xi is a letter; ai is a sloth.");
        assertTrue(entity(lower, "United States").isEmpty(), () -> "entities " + lower.entities());
        EnrichedArticle upper = tag("en", "US tariffs", "Xi met Biden.");
        assertTrue(entity(upper, "United States").isPresent(), () -> "entities " + upper.entities());
        assertTrue(entity(upper, "Xi Jinping").isPresent(), () -> "entities " + upper.entities());
        List<Match> frenchIa = new TaxonomyMatcher(TaxonomyLoader.bundled())
                .find("title", FoldedText.of("L'IA et la ia"), "fr");
        assertEquals(List.of("IA"), frenchIa.stream().map(Match::text).toList());
    }

    @Test
    void readsTopicTermsInTheArticlesLanguageOrInAllWhenItIsUnknown() {
        TaxonomyMatcher matcher = new TaxonomyMatcher(TaxonomyLoader.bundled());
        // "chipmakers" is an English term only, "semiconducteurs" a French one only.
        String text = "Chipmakers and semiconducteurs";
        Function<String, List<String>> found = language -> matcher
                .find("title", FoldedText.of(text), language).stream().map(Match::text).toList();
        assertEquals(List.of("Chipmakers"), found.apply("en"));
        assertEquals(List.of("semiconducteurs"), found.apply("fr"));
        assertEquals(List.of(), found.apply("de"));
        assertEquals(List.of("Chipmakers", "semiconducteurs"), found.apply(null));
        assertEquals(List.of("Chipmakers", "semiconducteurs"), found.apply("it"));
    }

    @Test
    void reportsEvidenceAtItsPlaceInTheOriginalText() {
        String title = "Xi Jinping veut une organisation mondiale de l’IA à Shanghai";
        EnrichedArticle article = tag("fr", title, "");
        EntityTag shanghai = entity(article, "Shanghai").orElseThrow();
        Evidence where = shanghai.evidence().get(0);
        assertEquals("title", where.field());
        assertEquals("Shanghai", title.substring(where.start(), where.end()));
        assertEquals("Shanghai", where.text());
    }

    @Test
    void citesASpanThatIsBothTermAndEntityOnceInTextOrder() {
        // "APEC" is a term of the apec topic and an alias of the APEC entity linked to it, as is the place Gyeongju.
        String summary = "Réunion de l’APEC à Gyeongju, puis l’APEC reçue à Shenzhen.";
        EnrichedArticle article = tag("fr", "", summary);
        List<String> apec = article.topics().stream().filter(t -> t.id().equals("apec")).findFirst().orElseThrow()
                .evidence().stream().map(e -> e.text() + "@" + e.start()).toList();
        assertEquals(List.of("APEC@" + summary.indexOf("APEC"), "Gyeongju@" + summary.indexOf("Gyeongju"),
                "APEC@" + summary.lastIndexOf("APEC")), apec);
    }

    @Test
    void liftsATopicThroughAnEntityLink() {
        // No apec term here but the entity APEC itself: its link to the topic attaches it.
        EnrichedArticle article = tag("en", "Leaders gather for APEC", "");
        assertTrue(article.hasTopic("apec"), () -> "topics " + article.topics());
    }

    @Test
    void countsARepeatedWeakTermOnce() {
        String many = "AI ".repeat(40);
        EnrichedArticle article = tag("en", "AI news", many);
        assertFalse(article.hasTopic("ai-governance"), () -> "topics " + article.topics());
    }

    @Test
    void findsTheRequiredTopicsOfTheEndToEndArticle() {
        EnrichedArticle article = tag(null, "Pékin propose une organisation mondiale de l’IA à Shanghai",
                "Au sommet de l’APEC, Xi Jinping a proposé de créer une organisation mondiale de coopération "
                        + "sur l’intelligence artificielle, dont le siège serait à Shanghai.");
        assertEquals("fr", article.language());
        assertTrue(article.hasTopic("ai-governance") && article.hasTopic("apec"), () -> "topics " + article.topics());
    }
}
