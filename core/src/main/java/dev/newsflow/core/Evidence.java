package dev.newsflow.core;

/**
 * Where in an article a tag was found: the field ({@code title}, {@code summary}, {@code content}),
 * the character range {@code [start, end)} in that field, and the text there.
 */
public record Evidence(String field, int start, int end, String text) {
}
