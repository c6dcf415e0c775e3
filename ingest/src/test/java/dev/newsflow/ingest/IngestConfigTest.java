package dev.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsflow.core.config.ConfigException;
import dev.newsflow.core.config.ConfigFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    private static IngestConfig read(Map<String, String> environment) {
        return ConfigFixtures.fromEnvironment(environment, IngestConfig::read);
    }

    @Test
    void commitsAsNewsflowIngestUnlessTold() {
        assertEquals("newsflow-ingest", read(Map.of()).transactionalId());
        assertEquals("ingest-eu-1", read(Map.of("NEWSFLOW_INGEST_TRANSACTIONAL_ID", "ingest-eu-1")).transactionalId());
    }

    @Test
    void namesTheKeyAndValueOfABadTransactionalId() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> read(Map.of("NEWSFLOW_INGEST_TRANSACTIONAL_ID", "my ingest")));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("ingest.transactional.id = 'my ingest'"), e.problems().get(0));
    }
}
