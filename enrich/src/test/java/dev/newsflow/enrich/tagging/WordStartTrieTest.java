package dev.newsflow.enrich.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WordStartTrieTest {

    /** Letters (one accented), a digit, and the edges between words: space, hyphen, apostrophe, dot. */
    private static final String ALPHABET = "aabbcé1 -'.";

    @Test
    void findsWhatTheFullScanFindsBetweenWordEdges() {
        Random random = new Random(20261125);
        for (int round = 0; round < 300; round++) {
            TreeMap<String, String> patterns = new TreeMap<>();
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                String pattern = text(random, 1 + random.nextInt(5));
                patterns.put(pattern, "<" + pattern + ">");
            }
            WordStartTrie<String> words = new WordStartTrie<>();
            words.build(patterns);
            AhoCorasickDoubleArrayTrie<String> full = new AhoCorasickDoubleArrayTrie<>();
            full.build(patterns);
            for (int t = 0; t < 20; t++) {
                String text = text(random, random.nextInt(60));
                List<String> expected = new ArrayList<>();
                full.parseText(text, (start, end, value) -> {
                    if (isEdge(text, start - 1) && isEdge(text, end)) {
                        expected.add(start + ".." + end + value);
                    }
                });
                List<String> found = new ArrayList<>();
                words.parseWords(text.toCharArray(), text.length(),
                        (start, end, value) -> found.add(start + ".." + end + value));
                expected.sort(WordStartTrieTest::byStartThenEnd);
                assertEquals(expected, found, () -> "in '" + text + "' with " + patterns.keySet());
            }
        }
    }

    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static boolean isEdge(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }

    private static int byStartThenEnd(String a, String b) {
        String[] x = a.split("\\.\\.|<", 3);
        String[] y = b.split("\\.\\.|<", 3);
        int byStart = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return byStart != 0 ? byStart : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
