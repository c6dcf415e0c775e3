package dev.newsflow.enrich.tagging;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

/**
 * The taxonomy's patterns in a double-array trie, found in a text as whole words only. The automaton's own
 * scan reports every pattern wherever it ends, inside words too ({@code ue} in {@code quelque}), and each of
 * those hits had to be refused afterwards: that was most of the tagger's time. Here the trie is walked from
 * each place a word may start, without failure links, so the walk visits only prefixes of what starts there
 * and stops at the first character no pattern continues with; a pattern is reported only where a word ends.
 * It finds exactly the spans the automaton's scan finds whose both ends are word edges.
 *
 * @param <V> what a pattern stands for
 */
final class WordStartTrie<V> extends AhoCorasickDoubleArrayTrie<V> {

    /** Which ASCII characters are word edges, looked up rather than classified at every character. */
    private static final boolean[] ASCII_EDGES = new boolean[0x80];

    static {
        for (char c = 0; c < ASCII_EDGES.length; c++) {
            ASCII_EDGES[c] = !Character.isLetterOrDigit(c);
        }
    }

    /**
     * Reports, in order of start and then of end, every pattern in the first {@code n} characters of
     * {@code text} that begins and ends at a word edge: outside the text or next to a character that is
     * neither letter nor digit.
     */
    void parseWords(char[] text, int n, IHit<V> hits) {
        for (int start = 0; start < n; start++) {
            if (start > 0 && !isWordEdge(text[start - 1])) {
                continue;
            }
            int state = 0;
            for (int i = start; i < n; i++) {
                state = child(state, text[i]);
                if (state < 0) {
                    break;
                }
                int[] found = output[state];
                if (found != null && (i + 1 == n || isWordEdge(text[i + 1]))) {
                    // A state's outputs include the patterns that are suffixes of its own: only the one starting
                    // here is this walk's; the others start later and are their own walks' to find.
                    int length = i + 1 - start;
                    for (int pattern : found) {
                        if (l[pattern] == length) {
                            hits.hit(start, i + 1, v[pattern]);
                        }
                    }
                }
            }
        }
    }

    private static boolean isWordEdge(char c) {
        return c < ASCII_EDGES.length ? ASCII_EDGES[c] : !Character.isLetterOrDigit(c);
    }

    /** The trie's child of {@code state} by {@code c}, or -1: a child's check holds its parent's base. */
    private int child(int state, char c) {
        int p = base[state] + c + 1;
        return p < check.length && check[p] == base[state] ? p : -1;
    }
}
