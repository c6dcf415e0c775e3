package dev.newsflow.enrich;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.RawArticle;

/** Finds the language, topics and entities of an article. Implementations are thread-safe. */
public interface ArticleTagger {

    EnrichedArticle tag(RawArticle article);
}
