package org.vnpress.search;

/**
 * One completion of what a user is typing ({@code GET /api/suggest}).
 *
 * @param text what the list shows and, for a phrase, what is searched
 * @param kind {@code district}, {@code document} or {@code phrase}
 * @param value the facet value to filter on ({@code Hà Nội/Hoàng Mai}, {@code 15-NQ/TW}), or the
 *     phrase itself
 * @param detail a short explanation (the province, what the document is), or null
 * @param count how many releases carry it (estimated from a sample for phrases)
 */
public record Completion(String text, String kind, String value, String detail, long count) {}
