package dev.newsflow.enrich.tagging;

import java.util.List;

/**
 * One accepted span of one field: where it is in the original text and what it stands for.
 *
 * @param start   start in the original field text, inclusive
 * @param end     end in the original field text, exclusive
 * @param targets the topic terms and entity aliases this span matched, topic terms first
 */
record Match(String field, int start, int end, String text, List<Target> targets) {
}
