package org.vnpress.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.index.TextFields;
import org.vnpress.opensearch.OpenSearchHosts.Answer;
import org.vnpress.search.Suggester;

/**
 * "Did you mean" on a cluster: each word's accented forms counted in the body field, adjacent pairs
 * counted in a second request, walked as the embedded suggester walks its vocabulary.
 */
final class OpenSearchSuggester {

  private static final ObjectNode EMPTY = OpenSearchHosts.JSON.createObjectNode();
  private static final int MAX_SUGGEST_WORDS = 6;
  private static final int MAX_PATH_WORDS = 4;

  private final OpenSearchHosts hosts;
  private final String path;
  private final Analyzer exactKey = new VietnameseAnalyzer(VietnameseAnalyzer.Key.EXACT);

  /**
   * @param path the index's search path ({@code index/_search})
   */
  OpenSearchSuggester(OpenSearchHosts hosts, String path) {
    this.hosts = hosts;
    this.path = path;
  }

  /**
   * "Did you mean" for an unaccented query: each word's accented forms are generated (tone and
   * letter variants, in the exact key) and counted in the body field in one request; adjacent pairs
   * are counted in a second, as the embedded suggester does with its vocabulary.
   */
  String suggest(String q) throws IOException {
    if (q.isBlank() || q.length() > 200) {
      return null;
    }
    String[] words = q.strip().toLowerCase(Locale.ROOT).split("\\s+");
    if (words.length > MAX_SUGGEST_WORDS) {
      return null;
    }
    for (String w : words) {
      if (!w.chars().allMatch(c -> c >= 'a' && c <= 'z') || w.length() > 7) {
        return null;
      }
    }
    Map<String, List<String>> forms = new LinkedHashMap<>();
    ObjectNode body = OpenSearchHosts.JSON.createObjectNode();
    body.put("size", 0);
    ObjectNode filters =
        body.putObject("aggs").putObject("f").putObject("filters").putObject("filters");
    for (String w : words) {
      List<String> variants = variants(w);
      forms.put(w, variants);
      for (String v : variants) {
        filters.putObject(v).putObject("term").put(TextFields.BODY, v);
      }
    }
    Answer a = hosts.json("POST", path, body);
    if (a.status() >= 300) {
      throw OpenSearchHosts.failed("suggestion", a);
    }
    JsonNode buckets = a.body().path("aggregations").path("f").path("buckets");
    List<List<String>> candidates = new ArrayList<>();
    for (String w : words) {
      // at most three forms that occur, commonest first (as the embedded suggester)
      List<String> found =
          forms.get(w).stream()
              .filter(v -> buckets.path(v).path("doc_count").asLong() > 0)
              .sorted(
                  Comparator.comparingLong((String v) -> buckets.path(v).path("doc_count").asLong())
                      .reversed())
              .limit(3)
              .toList();
      candidates.add(found.isEmpty() ? List.of(w) : found);
    }
    List<String> out =
        words.length <= MAX_PATH_WORDS
            ? bestPath(candidates)
            : candidates.stream().map(c -> c.get(0)).toList();
    boolean changed = false;
    for (int i = 0; i < words.length; i++) {
      changed |= !out.get(i).equals(words[i]);
    }
    return changed ? String.join(" ", out) : null;
  }

  /**
   * The reading the index's text supports best: the embedded suggester's Viterbi walk, scored by
   * how many documents hold each adjacent pair as a phrase (all pairs counted in one request).
   */
  private List<String> bestPath(List<List<String>> candidates) throws IOException {
    int n = candidates.size();
    ObjectNode body = OpenSearchHosts.JSON.createObjectNode();
    body.put("size", 0);
    ObjectNode filters =
        body.putObject("aggs").putObject("p").putObject("filters").putObject("filters");
    for (int i = 1; i < n; i++) {
      for (String prev : candidates.get(i - 1)) {
        for (String cur : candidates.get(i)) {
          ArrayNode clauses =
              filters
                  .putObject(prev + " " + cur)
                  .putObject("span_near")
                  .put("slop", 0)
                  .put("in_order", true)
                  .putArray("clauses");
          clauses.addObject().putObject("span_term").put(TextFields.BODY, prev);
          clauses.addObject().putObject("span_term").put(TextFields.BODY, cur);
        }
      }
    }
    JsonNode pairs = EMPTY;
    if (n > 1) {
      Answer a = hosts.json("POST", path, body);
      if (a.status() >= 300) {
        throw OpenSearchHosts.failed("suggestion pairs", a);
      }
      pairs = a.body().path("aggregations").path("p").path("buckets");
    }
    JsonNode counts = pairs;
    return Suggester.bestPath(
        candidates,
        (first, second) -> counts.path(first + " " + second).path("doc_count").asLong());
  }

  private static final Map<Character, String> LETTERS =
      Map.of('a', "aăâ", 'e', "eê", 'o', "oôơ", 'u', "uư", 'd', "dđ");
  private static final String TONES = "\u0300\u0301\u0309\u0303\u0323";

  /** Every accented spelling of a folded syllable, in the exact key (canonical tone place). */
  private List<String> variants(String w) {
    List<String> letters = new ArrayList<>(List.of(""));
    for (char c : w.toCharArray()) {
      String options = LETTERS.getOrDefault(c, String.valueOf(c));
      List<String> next = new ArrayList<>();
      for (String prefix : letters) {
        for (char o : options.toCharArray()) {
          next.add(prefix + o);
        }
      }
      letters = next;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String base : letters) {
      out.add(base);
      for (int i = 0; i < base.length(); i++) {
        if ("aăâeêioôơuưy".indexOf(base.charAt(i)) < 0) {
          continue;
        }
        for (char tone : TONES.toCharArray()) {
          String s = base.substring(0, i + 1) + tone + base.substring(i + 1);
          s = Normalizer.normalize(s, Normalizer.Form.NFC);
          out.add(exactKey.normalize(TextFields.BODY, s).utf8ToString());
        }
      }
    }
    out.remove(w);
    List<String> list = new ArrayList<>(out);
    list.add(0, w);
    return list;
  }
}
