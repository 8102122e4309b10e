package org.vnpress.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.index.TextFields;

/**
 * The districts a query names, among those an index holds: a query that names a district prefers
 * releases about it (the plan's district boost). Names match as whole words on the folded key,
 * {@code hai ba trung} as well as {@code Hai Bà Trưng}.
 */
public final class DistrictNames {

  private static final Analyzer FOLDING = new VietnameseAnalyzer(VietnameseAnalyzer.Key.FOLDED);

  /** Folded bare name ({@code hoang mai}) → district facet values. */
  private final Map<String, List<String>> byName = new HashMap<>();

  /**
   * @param values district facet values ({@code Hà Nội/Hoàng Mai})
   */
  public DistrictNames(Collection<String> values) {
    for (String value : values) {
      String bare = value.substring(value.indexOf('/') + 1);
      String key = foldedWords(bare);
      if (!key.isBlank()) {
        byName.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
  }

  public static final DistrictNames NONE = new DistrictNames(List.of());

  /** The district values whose names the query contains as whole words. */
  public List<String> named(String q) {
    if (q == null || q.isBlank() || byName.isEmpty()) {
      return List.of();
    }
    String padded = " " + foldedWords(q) + " ";
    List<String> found = new ArrayList<>();
    byName.forEach(
        (name, values) -> {
          if (padded.contains(" " + name + " ")) {
            found.addAll(values);
          }
        });
    found.sort(null);
    return found;
  }

  static String foldedWords(String s) {
    return FOLDING
        .normalize(TextFields.BODY_FOLDED, s)
        .utf8ToString()
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }
}
