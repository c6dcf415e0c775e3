package dev.newsflow.enrich.tagging;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * Detects the language of an article that came without one, among English, French, Spanish and German
 * only, with Lingua. Four languages instead of Lingua's 75; in {@link Accuracy#HIGH} mode their models
 * (1- to 5-grams) hold about 120 MB of heap, in {@link Accuracy#LOW} (trigrams only) far less, at some cost
 * on very short text (see enrich/README.md for both measures). Thread-safe.
 */
public final class LanguageGuesser {

    /**
     * Enough text for a sure answer (a headline alone is right 103 times in 104 on the labelled sets).
     * Lingua's time grows with the text, so more only costs time; from 120 characters on it scores trigrams
     * only, whatever the accuracy mode.
     */
    private static final int MAX_CHARS = 200;

    private final LanguageDetector detector;

    /** How much of Lingua's models to load: all n-gram sizes, or trigrams only. */
    public enum Accuracy { HIGH, LOW }

    public LanguageGuesser() {
        this(Accuracy.HIGH);
    }

    public LanguageGuesser(Accuracy accuracy) {
        var builder = LanguageDetectorBuilder
                .fromLanguages(Language.ENGLISH, Language.FRENCH, Language.SPANISH, Language.GERMAN)
                // Loaded at start, not on the first article, so a slow first record cannot stall a poll loop.
                .withPreloadedLanguageModels();
        this.detector = (accuracy == Accuracy.LOW ? builder.withLowAccuracyMode() : builder).build();
    }

    /** @return an ISO 639-1 code ({@code en}, {@code fr}, {@code es}, {@code de}), or null when unsure */
    public String guess(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        Language language = detector.detectLanguageOf(sample);
        return language == Language.UNKNOWN ? null
                : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
