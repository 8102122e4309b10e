package org.vnpress.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A search as the API and CLI ask for it (CONTRACT §3).
 *
 * @param q free text, may be blank
 * @param filters facet dimension → selected values (values of one dimension OR together)
 * @param from first publication day, inclusive, or null
 * @param to last publication day, inclusive, or null
 * @param sort relevance or date
 * @param page 1-based
 * @param size hits per page
 * @param facetLimit values listed per facet
 * @param cursor where to continue (a previous answer's {@code nextCursor}), or null: with it,
 *     {@code page} is not used
 */
public record SearchRequest(
    String q,
    Map<String, List<String>> filters,
    LocalDate from,
    LocalDate to,
    Sort sort,
    int page,
    int size,
    int facetLimit,
    Cursor cursor) {

  public static final int MAX_SIZE = 100;
  public static final int MAX_DEPTH = 10_000;
  public static final int MAX_QUERY_LENGTH = 1_000;
  public static final int DEFAULT_FACET_LIMIT = 10;
  public static final int MAX_FACET_LIMIT = 1_000;

  /** Result order. */
  public enum Sort {
    RELEVANCE,
    DATE
  }

  public SearchRequest {
    q = q == null ? "" : q;
    filters = filters == null ? Map.of() : Map.copyOf(filters);
    sort = sort == null ? Sort.RELEVANCE : sort;
    if (size < 1 || size > MAX_SIZE) {
      throw new BadRequestException("size must be between 1 and " + MAX_SIZE);
    }
    if (page < 1) {
      throw new BadRequestException("page must be 1 or more");
    }
    if (cursor == null && (long) page * size > MAX_DEPTH) {
      throw new BadRequestException(
          "page × size must not exceed " + MAX_DEPTH + "; follow nextCursor for deeper pages");
    }
    if (q.length() > MAX_QUERY_LENGTH) {
      throw new BadRequestException("q must not exceed " + MAX_QUERY_LENGTH + " characters");
    }
    if (facetLimit < 1 || facetLimit > MAX_FACET_LIMIT) {
      throw new BadRequestException("facetLimit must be between 1 and " + MAX_FACET_LIMIT);
    }
  }

  /** A request without a cursor. */
  public SearchRequest(
      String q,
      Map<String, List<String>> filters,
      LocalDate from,
      LocalDate to,
      Sort sort,
      int page,
      int size,
      int facetLimit) {
    this(q, filters, from, to, sort, page, size, facetLimit, null);
  }

  /** A first page of relevance-ranked results for a text. */
  public static SearchRequest of(String q) {
    return new SearchRequest(q, Map.of(), null, null, Sort.RELEVANCE, 1, 10, DEFAULT_FACET_LIMIT);
  }

  public SearchRequest withFilters(Map<String, List<String>> f) {
    return new SearchRequest(q, f, from, to, sort, page, size, facetLimit, cursor);
  }

  /** The same search from a cursor on. */
  public SearchRequest withCursor(Cursor c) {
    return new SearchRequest(q, filters, from, to, sort, page, size, facetLimit, c);
  }

  /** How many results come before the first one asked for. */
  public int offset() {
    return cursor != null ? cursor.offset() : (page - 1) * size;
  }

  /** True when the results are in date order: asked for, or an empty query (newest first). */
  public boolean byDate() {
    return sort == Sort.DATE || q.isBlank();
  }
}
