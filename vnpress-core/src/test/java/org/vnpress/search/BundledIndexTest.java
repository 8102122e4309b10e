package org.vnpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vnpress.Fixtures;
import org.vnpress.index.PressIndex;

/**
 * Ranking on the bundled index (index-data/: seeds, resolutions, DANeS items), where short news
 * items compete with the releases: the acceptance queries of the foundation and analysis issues.
 */
class BundledIndexTest {

  private static LuceneBackend backend;

  @BeforeAll
  static void indexBundledData() throws IOException {
    PressIndex index = Fixtures.bundledIndex();
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
}
