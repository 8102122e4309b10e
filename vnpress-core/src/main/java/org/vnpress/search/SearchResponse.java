package org.vnpress.search;

import java.util.List;
import java.util.Map;

/** The answer to a {@link SearchRequest}, shaped as CONTRACT §3. */
public record SearchResponse(
    String query,
    long total,
    int page,
    int size,
    long tookMs,
    String suggestion,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets) {}
