package org.vnpress.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}, shaped as CONTRACT §3 and its second-round additions.
 *
 * @param total how many releases match: exact when {@code totalRelation} is {@code eq}, a lower
 *     bound estimated from a sample when it is {@code gte} (more than {@link
 *     SearchLimits#approximateAbove()} match; facet counts are then estimated too)
 * @param relaxed true when the results hold most, not all, of the words (too few held them all)
 * @param strictTotal when relaxed, how many releases hold every word (they come first); else total
 * @param partial true when the time budget ran out: results and counts are what was found in time
 * @param undated how many of the matches have no publication date (same relation as total)
 * @param nextCursor where the next page starts, or null on the last page
 */
public record SearchResponse(
    String query,
    long total,
    String totalRelation,
    int page,
    int size,
    long tookMs,
    boolean relaxed,
    long strictTotal,
    boolean partial,
    long undated,
    String suggestion,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    String nextCursor) {

  public static final String EXACT = "eq";
  public static final String AT_LEAST = "gte";
}
