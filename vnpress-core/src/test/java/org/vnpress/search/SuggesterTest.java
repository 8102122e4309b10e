package org.vnpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.index.PressIndex;
import org.vnpress.index.TextFields;

/** The suggester's Viterbi walk and its capped pair counts, on the seed index. */
class SuggesterTest {

  @Test
  void countsStopAtTheCapAndAreExactBelowIt() throws IOException {
    try (PressIndex idx = Fixtures.seedIndex()) {
      IndexSearcher s = idx.searchers().acquire();
      try {
        TermQuery common = new TermQuery(new Term(TextFields.BODY, "quận"));
        int all = s.count(common);
        assertThat(all).isGreaterThan(2);
        assertThat(Suggester.countUpTo(s, common, 1_000)).isEqualTo(all);
        // counting stops at the cap
        long capped = Suggester.countUpTo(s, common, 2);
        assertThat(capped).isEqualTo(2);
        PhraseQuery pair = new PhraseQuery(TextFields.BODY, "ban", "chấp");
        assertThat(Suggester.countUpTo(s, pair, 1_000)).isEqualTo(s.count(pair)).isPositive();
      } finally {
        idx.searchers().release(s);
      }
    }
  }

  @Test
  void theWalkPrefersTheFormsThatStandTogether() throws IOException {
    // "hai bà trưng" against "hải bá trung": pair counts decide, not each word's commonest form
    List<List<String>> candidates =
        List.of(List.of("hải", "hai"), List.of("bá", "bà"), List.of("trung", "trưng"));
    List<String> path =
        Suggester.bestPath(
            candidates,
            (a, b) ->
                (a.equals("hai") && b.equals("bà")) || (a.equals("bà") && b.equals("trưng"))
                    ? 9
                    : 0);
    assertThat(path).containsExactly("hai", "bà", "trưng");
  }
}
