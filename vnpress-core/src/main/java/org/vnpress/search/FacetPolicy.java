package org.vnpress.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnpress.index.Fields;

/**
 * Which facets an answer lists and how, decided once for every backend: the dimensions in the API's
 * order, quarters and years listed whole (the timeline needs every quarter) in time order, the
 * others by count up to the request's limit, and the five contract dimensions always present.
 */
public final class FacetPolicy {

  /** Values asked for a dimension listed whole. */
  public static final int ALL_VALUES = 10_000;

  /** Dimensions an answer always carries, even empty (CONTRACT §3). */
  private static final Set<String> ALWAYS =
      Set.of(Fields.DISTRICT, Fields.QUARTER, Fields.YEAR, Fields.DOCUMENT, Fields.DOCTYPE);

  private FacetPolicy() {}

  /** True for the dimensions listed with every value. */
  public static boolean listedWhole(String dim) {
    return dim.equals(Fields.QUARTER) || dim.equals(Fields.YEAR);
  }

  /** How many values to ask a backend for in a dimension. */
  public static int valuesToAsk(String dim, int facetLimit) {
    return listedWhole(dim) ? ALL_VALUES : facetLimit;
  }

  /**
   * The answer's facets from what a backend counted (values by count, then by value, as Lucene and
   * OpenSearch both rank them): ordered, sorted and kept by the rules above.
   */
  public static Map<String, List<FacetValue>> shape(Map<String, List<FacetValue>> counted) {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : Fields.FACETS) {
      List<FacetValue> values = new ArrayList<>(counted.getOrDefault(dim, List.of()));
      if (dim.equals(Fields.QUARTER)) {
        values.sort(Comparator.comparing(FacetValue::value));
      } else if (dim.equals(Fields.YEAR)) {
        values.sort(Comparator.comparing(FacetValue::value).reversed());
      } else {
        values.sort(
            Comparator.comparingLong(FacetValue::count)
                .reversed()
                .thenComparing(FacetValue::value));
      }
      // dimensions the corpus never has (e.g. no periods) stay out of the answer
      if (!values.isEmpty() || ALWAYS.contains(dim)) {
        out.put(dim, List.copyOf(values));
      }
    }
    return out;
  }

  /**
   * How many of the matches have no publication date: every dated release has exactly one year.
   * Zero when a year or a date range is part of the search (only dated releases can match then).
   */
  public static long undated(long total, Map<String, List<FacetValue>> facets, SearchRequest req) {
    if (req.from() != null
        || req.to() != null
        || req.filters().containsKey(Fields.YEAR)
        || req.filters().containsKey(Fields.QUARTER)) {
      return 0;
    }
    long dated = 0;
    for (FacetValue v : facets.getOrDefault(Fields.YEAR, List.of())) {
      dated += v.count();
    }
    return Math.max(0, total - dated);
  }
}
