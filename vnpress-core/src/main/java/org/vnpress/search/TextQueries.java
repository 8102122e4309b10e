package org.vnpress.search;

import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * The queries of one search text, as {@link TextQueryBuilder} decides them for every backend.
 *
 * @param strictMatch the documents holding every word (unscored: for counts and facets)
 * @param strictScore the same documents, scored: words, exact above folded, and syllable pairs
 * @param relaxedMatch the documents holding most of the words, or null when nothing can be relaxed
 *     (fewer than three words): asked only when the strict search finds too few
 * @param relaxedScore {@code relaxedMatch} scored, the strict matches first
 * @param phrase the whole text as a phrase, re-ranking the best matches; null for a single word
 * @param units how many words, phrases and OR-groups the text has (0: match everything)
 * @param foldedOnly true when the text has no diacritics at all
 */
public record TextQueries(
    Query strictMatch,
    Query strictScore,
    Query relaxedMatch,
    Query relaxedScore,
    Query phrase,
    int units,
    boolean foldedOnly) {

  /** Everything, unranked: the empty query. */
  static TextQueries all() {
    Query all = new ConstantScoreQuery(MatchAllDocsQuery.INSTANCE);
    return new TextQueries(all, all, null, null, null, 0, true);
  }

  /** True when the search has no text: every document matches. */
  public boolean matchesAll() {
    return units == 0
        && strictMatch instanceof ConstantScoreQuery c
        && c.getQuery() instanceof MatchAllDocsQuery;
  }

  /** The match query of a strict or relaxed search. */
  public Query match(boolean relaxed) {
    return relaxed ? relaxedMatch : strictMatch;
  }

  /** The scoring query of a strict or relaxed search. */
  public Query score(boolean relaxed) {
    return relaxed ? relaxedScore : strictScore;
  }
}
