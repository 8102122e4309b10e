package org.vnpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vnpress.Fixtures;
import org.vnpress.index.PressIndex;

/**
 * Ranking on the bundled index (index-data/: seeds, resolutions, DANeS items), where short news
 * items compete with the releases: the acceptance queries of the foundation and analysis issues.
 */
class BundledIndexTest {

  private static PressIndex index;
  private static LuceneBackend backend;

  @BeforeAll
  static void indexBundledData() throws IOException {
    index = Fixtures.bundledIndex();
    assertThat(index.count()).isGreaterThan(2000);
    backend = new LuceneBackend(index);
  }

  private static String first(String q) throws IOException {
    return backend.search(SearchRequest.of(q)).hits().get(0).id();
  }

  @ParameterizedTest
  @CsvSource({
    "Hai Bà Trưng, " + Fixtures.SEED_000,
    "Hoàng Mai, " + Fixtures.SEED_001,
    "hai ba trung, " + Fixtures.SEED_000,
    "nam tu liem, " + Fixtures.SEED_002,
    "hoang mai, " + Fixtures.SEED_001,
    "15 nq tw, " + Fixtures.SEED_000,
    "Ủy ban nhân dân quận Hai Bà Trưng, " + Fixtures.SEED_000,
  })
  void rightReleaseFirst(String q, String expected) throws IOException {
    assertThat(first(q)).as(q).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"Hoàng Mai tăng trưởng"})
  void decomposedQueryRanksLikeComposed(String q) throws IOException {
    // NFD as pasted from some sources
    assertThat(first(Normalizer.normalize(q, Normalizer.Form.NFD))).isEqualTo(Fixtures.SEED_001);
  }

  @ParameterizedTest
  @CsvSource({
    "15-NQ/TƯ, " + Fixtures.SEED_000 + ", " + Fixtures.SEED_002,
    "15-NQ/TU, " + Fixtures.SEED_002 + ", " + Fixtures.SEED_000
  })
  void partyNumbersKeepTheirIssuer(String q, String found, String notFound) throws IOException {
    List<String> ids = backend.search(SearchRequest.of(q)).hits().stream().map(Hit::id).toList();
    assertThat(ids).contains(found).doesNotContain(notFound);
  }

  /**
   * A text's scoring query holds exactly the documents its match query holds, strict and relaxed: a
   * search counts its total and facets and collects its first hits in one pass of the scoring
   * query, so the total is the match query's only if the two agree.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Hội nghị Ban Chấp hành Đảng bộ quận",
        "hoi nghi ban chap hanh dang bo quan hai ba trung",
        "\"Ban Chấp hành\" -\"Hoàng Mai\"",
        "hoà OR hòa nhập",
        "15-NQ/TƯ",
        "Nghị quyết 15-NQ/TƯ về kinh tế xã hội quận Hai Bà Trưng năm 2023 và tăng trưởng"
      })
  void scoringQueriesMatchWhatMatchQueriesMatch(String q) throws IOException {
    TextQueries t = new TextQueryBuilder().build(q);
    IndexSearcher s = index.searchers().acquire();
    try {
      int strict = s.count(t.strictMatch());
      assertThat(s.count(t.strictScore())).as(q).isEqualTo(strict);
      if (t.relaxedMatch() != null) {
        int relaxed = s.count(t.relaxedMatch());
        assertThat(relaxed).as(q).isGreaterThanOrEqualTo(strict);
        assertThat(s.count(t.relaxedScore())).as(q).isEqualTo(relaxed);
      }
      Query all =
          backend.search(SearchRequest.of(q)).relaxed() ? t.relaxedMatch() : t.strictMatch();
      assertThat(backend.search(SearchRequest.of(q)).total()).as(q).isEqualTo(s.count(all));
    } finally {
      index.searchers().release(s);
    }
  }
}
