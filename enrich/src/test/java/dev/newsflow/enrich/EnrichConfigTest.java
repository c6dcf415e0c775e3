package dev.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.config.ConfigException;
import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.ConfigSource;
import dev.newsflow.enrich.tagging.LanguageGuesser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    @Test
    void readsItsSettingsFromTheEnvironment() {
        ConfigReader reader = new ConfigReader(ConfigSource.of(null, Map.of(
                "NEWSFLOW_ENRICH_STATE_DIR", "/var/lib/enrich",
                "NEWSFLOW_ENRICH_DEDUP_TTL", "2h",
                "NEWSFLOW_ENRICH_LANGUAGE_ACCURACY", "low",
                "NEWSFLOW_ENRICH_THREADS", "3")));
        EnrichConfig config = EnrichConfig.read(reader);
        reader.done();
        assertEquals(Path.of("/var/lib/enrich"), config.stateDir());
        assertEquals(Duration.ofHours(2), config.dedupTtl());
        assertEquals(LanguageGuesser.Accuracy.LOW, config.languageAccuracy());
        assertTrue(config.taxonomyFile().isEmpty());
        assertEquals(3, config.threads());
    }

    @Test
    void runsTwoStreamThreadsUnlessToldOtherwise() {
        ConfigReader reader = new ConfigReader(ConfigSource.of(null, Map.of()));
        EnrichConfig config = EnrichConfig.read(reader);
        reader.done();
        assertEquals(2, config.threads());
    }

    @Test
    void reportsEveryBadSettingAtOnce() {
        ConfigReader reader = new ConfigReader(ConfigSource.of(null, Map.of(
                "NEWSFLOW_ENRICH_DEDUP_TTL", "1s",
                "NEWSFLOW_ENRICH_TAXONOMY_FILE", "/no/such/taxonomy.yaml",
                "NEWSFLOW_ENRICH_LANGUAGE_ACCURACY", "perfect",
                "NEWSFLOW_ENRICH_THREADS", "0")));
        EnrichConfig.read(reader);
        ConfigException e = assertThrows(ConfigException.class, reader::done);
        assertTrue(e.getMessage().contains("enrich.dedup.ttl"), e.getMessage());
        assertTrue(e.getMessage().contains("enrich.taxonomy.file"), e.getMessage());
        assertTrue(e.getMessage().contains("enrich.language.accuracy"), e.getMessage());
        assertTrue(e.getMessage().contains("enrich.threads"), e.getMessage());
    }
}
