package dev.newsflow.ingest;

/**
 * What ingest remembers of a feed between polls and across restarts, stored under {@code feed|<url>}
 * in ingest-state.
 *
 * @param etag         the ETag of the last 200, null when none
 * @param lastModified the Last-Modified of the last 200, null when none
 * @param effectiveUrl where a 301/308 moved the feed, null while it has not moved
 */
record FeedMemory(String etag, String lastModified, String effectiveUrl) {

    static final FeedMemory EMPTY = new FeedMemory(null, null, null);
}
