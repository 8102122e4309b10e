package org.vnpress.search;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.analysis.VietnameseAnalyzer.Key;
import org.vnpress.analysis.VietnameseAnalyzer.Mode;
import org.vnpress.index.TextFields;

/**
 * The query's plain words as one phrase on title and body, both keys: what the highlighters mark
 * together ("Quận ủy") where it occurs. Shared by the embedded and the OpenSearch backend.
 */
public final class WholePhrase {

  private final QueryBuilder exact =
      new QueryBuilder(new VietnameseAnalyzer(Key.EXACT, Mode.QUERY));
  private final QueryBuilder folded =
      new QueryBuilder(new VietnameseAnalyzer(Key.FOLDED, Mode.QUERY));

  /** The phrase query, or null for fewer than two words. */
  public Query of(String q) {
    String plain = q.replaceAll("[\"()]|(?<=\\s|^)-\\S*|\\bOR\\b", " ").strip();
    if (plain.split("\\s+").length < 2) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Query[] alternatives = {
      exact.createPhraseQuery(TextFields.BODY, plain),
      folded.createPhraseQuery(TextFields.BODY_FOLDED, plain),
      exact.createPhraseQuery(TextFields.TITLE, plain),
      folded.createPhraseQuery(TextFields.TITLE_FOLDED, plain)
    };
    for (Query x : alternatives) {
      if (x != null) {
        b.add(x, Occur.SHOULD);
      }
    }
    return b.build();
  }
}
