package dev.newsflow.enrich.tagging;

/**
 * What one pattern in the matcher stands for: a topic term or an entity alias, in one language.
 *
 * @param index     the topic's or entity's position in its taxonomy list
 * @param language  the language the term is written in, or {@code all}
 * @param weight    the term's weight (topic terms only)
 * @param exactForm non-null when the pattern counts only when the original text reads exactly so
 * @param term      the topic term's number, shared by its variants (the same folded words, hyphens read as
 *                  spaces), so that they count once; -1 for an entity alias
 */
record Target(Kind kind, int index, String language, double weight, String exactForm, int term) {

    enum Kind { TOPIC_TERM, ENTITY_ALIAS }
}
