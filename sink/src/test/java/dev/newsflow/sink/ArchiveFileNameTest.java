package dev.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArchiveFileNameTest {

    private final ArchiveFileName name = new ArchiveFileName("news.enriched", 2, 40, 1041);

    @Test
    void namesTheTopicPartitionAndOffsetRange() {
        assertEquals("news.enriched+2+00000000000000000040+00000000000000001041.jsonl", name.finalName());
        assertEquals(1042, name.nextOffset());
    }

    @Test
    void readsBackAFinalName() {
        var parsed = ArchiveFileName.parse(name.finalName()).orElseThrow();
        assertEquals(name, parsed.name());
        assertFalse(parsed.temporary());
    }

    @Test
    void recognisesATemporaryName() {
        var parsed = ArchiveFileName.parse(name.tempName()).orElseThrow();
        assertEquals(name, parsed.name());
        assertTrue(parsed.temporary());
    }

    @Test
    void ignoresFilesItDidNotName() {
        assertTrue(ArchiveFileName.parse("articles.jsonl").isEmpty());
        assertTrue(ArchiveFileName.parse("news.enriched+2+40+1041.jsonl").isEmpty());
        assertTrue(ArchiveFileName.parse(name.finalName() + ".bak").isEmpty());
    }

    @Test
    void namesSortInOffsetOrder() {
        String earlier = new ArchiveFileName("news.enriched", 2, 9, 39).finalName();
        assertTrue(earlier.compareTo(name.finalName()) < 0);
    }
}
