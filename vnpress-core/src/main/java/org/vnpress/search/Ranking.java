package org.vnpress.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * How the hits of a text are ranked: strict first, relaxed when too few hold every word; a scored
 * pass that can skip; the whole phrase re-ranking the best {@link
 * TextQueryBuilder.Tuning#rescoreWindow()}. {@link LuceneBackend} ranks its pages with it, and the
 * relevance benchmark measures exactly this on its own indexes.
 */
public final class Ranking {

  private Ranking() {}

  /** The best {@code k} documents for a text on any index with vnpress's text fields. */
  public static TopDocs top(IndexSearcher s, TextQueryBuilder queries, String text, int k)
      throws IOException {
    TextQueries t = queries.build(text);
    boolean relaxed =
        t.relaxedMatch() != null && s.count(t.strictMatch()) < queries.tuning().relaxBelow();
    return rank(s, t.score(relaxed), t.phrase(), k, queries.tuning());
  }

  /**
   * The first {@code n} hits of a scored query, the first {@code rescoreWindow} re-ranked with the
   * phrase (score + phraseBoost × phrase score), the rest after them in their own order, so every
   * page of one search sees the same order.
   */
  static TopDocs rank(
      IndexSearcher s, Query scored, Query phrase, int n, TextQueryBuilder.Tuning tuning)
      throws IOException {
    int collect = collect(n, phrase, tuning);
    TopDocs first = s.search(scored, new TopScoreDocCollectorManager(collect, null, collect));
    return rerank(s, first, phrase, n, tuning);
  }

  /** How many hits the first pass collects for a page of {@code n}: the re-ranking window. */
  static int collect(int n, Query phrase, TextQueryBuilder.Tuning tuning) {
    return Math.max(n, phrase == null ? 0 : tuning.rescoreWindow());
  }

  /** The first pass's hits, the best {@code rescoreWindow} re-ranked with the phrase, cut to n. */
  static TopDocs rerank(
      IndexSearcher s, TopDocs first, Query phrase, int n, TextQueryBuilder.Tuning tuning)
      throws IOException {
    if (phrase == null || first.scoreDocs.length == 0 || tuning.phraseBoost() == 0) {
      return cut(first, n);
    }
    int w = Math.min(tuning.rescoreWindow(), first.scoreDocs.length);
    float weight = tuning.phraseBoost();
    QueryRescorer rescorer =
        new QueryRescorer(phrase) {
          @Override
          protected float combine(float firstScore, boolean matched, float secondScore) {
            return matched ? firstScore + weight * secondScore : firstScore;
          }
        };
    TopDocs head =
        rescorer.rescore(s, new TopDocs(first.totalHits, Arrays.copyOf(first.scoreDocs, w)), w);
    ScoreDoc[] merged = Arrays.copyOf(head.scoreDocs, first.scoreDocs.length);
    System.arraycopy(first.scoreDocs, w, merged, w, first.scoreDocs.length - w);
    return cut(new TopDocs(first.totalHits, merged), n);
  }

  private static TopDocs cut(TopDocs td, int n) {
    return td.scoreDocs.length <= n
        ? td
        : new TopDocs(td.totalHits, Arrays.copyOf(td.scoreDocs, n));
  }
}
