package org.vnpress.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.index.TextFields;

/**
 * "Did you mean": restores the diacritics of an unaccented query from the index's own vocabulary
 * ({@code nghi quyet} → {@code nghị quyết}), picking for each word the accented form most documents
 * use.
 */
public final class Suggester {

  /** Vocabulary is rebuilt at most this often while documents arrive. */
  private static final long REBUILD_NANOS = 60_000_000_000L;

  private static final int MAX_PATH_WORDS = 4;

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
    List<List<String>> candidates = new ArrayList<>();
    for (String w : words) {
      candidates.add(vocab.getOrDefault(w, List.of(w)));
    }
    // pair counts cost a phrase query each: longer queries take each word's commonest form
    List<String> out =
        words.length <= MAX_PATH_WORDS
            ? bestPath(s, candidates)
            : candidates.stream().map(c -> c.get(0)).toList();
    boolean changed = false;
    for (int i = 0; i < words.length; i++) {
      changed |= !out.get(i).equals(words[i]);
    }
    return changed ? String.join(" ", out) : null;
  }

  /**
   * The accented reading that the index's own text supports best: a Viterbi walk over at most three
   * forms per word, scored by how many documents hold each adjacent pair as a phrase, with the
   * forms' own frequency order breaking ties.
   */
  /** How many documents hold two words side by side. */
  public interface PairCount {
    long count(String first, String second) throws IOException;
  }

  /**
   * Pair counts stop here: a pair held by this many documents is settled, and counting a common
   * pair to the end over a million documents was most of an unaccented query's time.
   */
  static final int PAIR_COUNT_CAP = 2_000;

  /**
   * Pair counts read the first segments up to this many documents: a sample big enough to rank
   * readings, and a bound on the cost of a rare pair of common words in a large index.
   */
  static final int PAIR_SAMPLE_DOCS = 50_000;

  private static List<String> bestPath(IndexSearcher s, List<List<String>> candidates)
      throws IOException {
    return bestPath(
        candidates, (a, b) -> countUpTo(s, new PhraseQuery(TextFields.BODY, a, b), PAIR_COUNT_CAP));
  }

  /**
   * Live documents matching {@code q} in the first segments (up to {@link #PAIR_SAMPLE_DOCS}
   * documents, at least one segment), counted up to {@code cap}.
   */
  static long countUpTo(IndexSearcher s, Query q, int cap) throws IOException {
    Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    long n = 0;
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      if (leaf.docBase >= PAIR_SAMPLE_DOCS && leaf.ord > 0) {
        break;
      }
      ScorerSupplier supplier = w.scorerSupplier(leaf);
      if (supplier == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = supplier.get(Long.MAX_VALUE).iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if ((live == null || live.get(d)) && ++n >= cap) {
          return n;
        }
      }
    }
    return n;
  }

  /** The Viterbi walk itself, over any way of counting neighbouring pairs. */
  public static List<String> bestPath(List<List<String>> candidates, PairCount pairs)
      throws IOException {
    int n = candidates.size();
    List<String> first = candidates.get(0);
    double[] score = new double[first.size()];
    for (int j = 0; j < first.size(); j++) {
      score[j] = -j * 1e-3;
    }
    List<int[]> back = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      List<String> prev = candidates.get(i - 1);
      List<String> cur = candidates.get(i);
      double[] next = new double[cur.size()];
      int[] from = new int[cur.size()];
      for (int j = 0; j < cur.size(); j++) {
        next[j] = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < prev.size(); k++) {
          long pair = prev.size() * cur.size() == 1 ? 0 : pairs.count(prev.get(k), cur.get(j));
          double v = score[k] + Math.log1p(pair) - j * 1e-3;
          if (v > next[j]) {
            next[j] = v;
            from[j] = k;
          }
        }
      }
      back.add(from);
      score = next;
    }
    int best = 0;
    for (int j = 1; j < score.length; j++) {
      if (score[j] > score[best]) {
        best = j;
      }
    }
    String[] path = new String[n];
    for (int i = n - 1; i >= 0; i--) {
      path[i] = candidates.get(i).get(best);
      if (i > 0) {
        best = back.get(i - 1)[best];
      }
    }
    return List.of(path);
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
          forms
              .computeIfAbsent(fold(term), k -> new ArrayList<>())
              .add(Map.entry(term, te.docFreq()));
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
