package org.vnpress.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.util.BytesRef;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.index.TextFields;

/**
 * "Did you mean": restores the diacritics of an unaccented query from the index's own vocabulary
 * ({@code nghi quyet} → {@code nghị quyết}), picking for each word the accented form most
 * documents use.
 */
final class Suggester {

  /** Vocabulary is rebuilt at most this often while documents arrive. */
  private static final long REBUILD_NANOS = 60_000_000_000L;

  private final Analyzer folding = new VietnameseAnalyzer(VietnameseAnalyzer.Key.FOLDED);
  private volatile Vocabulary vocabulary;

  private record Vocabulary(IndexReader reader, long builtAt, Map<String, List<String>> byFolded) {}

  /** A better spelling of the query, or null when there is none. */
  String suggest(IndexSearcher s, String q, long total) throws IOException {
    if (q.isBlank() || q.length() > 200) {
      return null;
    }
    String[] words = q.strip().toLowerCase(Locale.ROOT).split("\\s+");
    for (String w : words) {
      // an accented query says what the user meant: nothing to restore
      if (!isPlainWord(w) || !fold(w).equals(w)) {
        return null;
      }
    }
    Map<String, List<String>> vocab = vocabulary(s.getIndexReader());
    List<String> out = new ArrayList<>();
    boolean changed = false;
    for (String w : words) {
      List<String> candidates = vocab.getOrDefault(w, List.of(w));
      String pick = candidates.get(0);
      if (!out.isEmpty() && candidates.size() > 1) {
        // the form that follows the previous word most often in the index wins
        String prev = out.get(out.size() - 1);
        int best = -1;
        for (String c : candidates) {
          int n = s.count(new PhraseQuery(TextFields.BODY, prev, c));
          if (n > best) {
            best = n;
            pick = c;
          }
        }
        if (best == 0) {
          pick = candidates.get(0);
        }
      }
      changed |= !pick.equals(w);
      out.add(pick);
    }
    return changed ? String.join(" ", out) : null;
  }

  private static boolean isPlainWord(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isLetter(w.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private String fold(String term) {
    BytesRef b = folding.normalize(TextFields.BODY_FOLDED, term);
    return b.utf8ToString();
  }

  /** For each folded word, its accented forms in the index, most frequent first (at most 3). */
  private Map<String, List<String>> vocabulary(IndexReader reader) throws IOException {
    Vocabulary v = vocabulary;
    long now = System.nanoTime();
    if (v != null && (v.reader == reader || now - v.builtAt < REBUILD_NANOS)) {
      return v.byFolded;
    }
    Map<String, List<Map.Entry<String, Integer>>> forms = new HashMap<>();
    Terms terms = MultiTerms.getTerms(reader, TextFields.BODY);
    if (terms != null) {
      TermsEnum te = terms.iterator();
      for (BytesRef b = te.next(); b != null; b = te.next()) {
        String term = b.utf8ToString();
        if (isPlainWord(term)) {
          forms.computeIfAbsent(fold(term), k -> new ArrayList<>()).add(Map.entry(term, te.docFreq()));
        }
      }
    }
    Map<String, List<String>> best = new HashMap<>();
    forms.forEach(
        (key, list) -> {
          list.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
          best.put(key, list.stream().limit(3).map(Map.Entry::getKey).toList());
        });
    vocabulary = new Vocabulary(reader, now, best);
    return best;
  }
}
