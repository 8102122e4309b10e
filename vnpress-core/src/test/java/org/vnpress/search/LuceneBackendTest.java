package org.vnpress.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.index.Fields;
import org.vnpress.index.PressIndex;

/** Search over an in-memory index of the five seeds. */
class LuceneBackendTest {

  private static LuceneBackend backend;

  @BeforeAll
  static void open() throws IOException {
    backend = new LuceneBackend(Fixtures.seedIndex());
  }

  @AfterAll
  static void close() throws IOException {
    backend.close();
  }

  private static List<String> ids(SearchResponse r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  @Test
  void districtNameRanksItsReleaseFirst() throws IOException {
    assertThat(ids(backend.search(SearchRequest.of("Hai Bà Trưng"))))
        .first()
        .isEqualTo(Fixtures.SEED_000);
    assertThat(ids(backend.search(SearchRequest.of("Hoàng Mai"))))
        .first()
        .isEqualTo(Fixtures.SEED_001);
  }

  @Test
  void unaccentedQueryFindsAccentedText() throws IOException {
    assertThat(ids(backend.search(SearchRequest.of("nam tu liem"))))
        .first()
        .isEqualTo(Fixtures.SEED_002);
  }

  @Test
  void emptyQueryBrowsesNewestFirstWithUndatedLast() throws IOException {
    SearchResponse r = backend.search(SearchRequest.of(""));
    assertThat(r.total()).isEqualTo(5);
    // 001 (2022-12-30), 000 (2022-10-19), 003 (2022-10), 002 (2022-07-26), 004 (no date)
    assertThat(ids(r))
        .containsExactly(
            Fixtures.SEED_001,
            Fixtures.SEED_000,
            Fixtures.SEED_003,
            Fixtures.SEED_002,
            Fixtures.SEED_004);
  }

  @Test
  void quarterFacetIsChronologicalWithLabels() throws IOException {
    List<FacetValue> q = backend.search(SearchRequest.of("")).facets().get(Fields.QUARTER);
    assertThat(q.toString())
        .isEqualTo(
            "[FacetValue[value=2022-Q3, label=Quý III/2022, count=1],"
                + " FacetValue[value=2022-Q4, label=Quý IV/2022, count=3]]");
  }

  @Test
  void quarterFilterKeepsOtherQuartersCounted() throws IOException {
    SearchResponse r =
        backend.search(
            SearchRequest.of("").withFilters(Map.of(Fields.QUARTER, List.of("2022-Q4"))));
    assertThat(ids(r))
        .containsExactlyInAnyOrder(Fixtures.SEED_000, Fixtures.SEED_001, Fixtures.SEED_003);
    // drill sideways: the unselected quarter still shows what it would add
    assertThat(r.facets().get(Fields.QUARTER)).extracting(FacetValue::value).contains("2022-Q3");
    assertThat(r.facets().get(Fields.YEAR))
        .singleElement()
        .extracting(FacetValue::count)
        .isEqualTo(3L);
  }

  @Test
  void snippetMarksMatchesAndEscapesText() throws IOException {
    Hit h = backend.search(SearchRequest.of("Hoàng Mai")).hits().get(0);
    assertThat(h.snippet()).contains("quận <mark>Hoàng Mai</mark> tổ chức");
    assertThat(h.titleHtml()).startsWith("Quận <mark>Hoàng Mai</mark>: Kinh tế");
  }

  @Test
  void foldedQueryHighlightsTheAccentedWords() throws IOException {
    Hit h = backend.search(SearchRequest.of("hoang mai")).hits().get(0);
    assertThat(h.snippet()).contains("quận <mark>Hoàng Mai</mark> tổ chức");
  }

  @Test
  void malformedSyntaxFallsBackToWords() throws IOException {
    for (String q :
        List.of("\"Hoàng Mai", "Hoàng (Mai", "AND OR NOT", "* ? ~ ^ : [ ] { } / \\", "-", "\"\"")) {
      SearchResponse r = backend.search(SearchRequest.of(q));
      assertThat(r.total()).as(q).isGreaterThanOrEqualTo(0);
    }
    assertThat(ids(backend.search(SearchRequest.of("\"Hoàng Mai"))))
        .first()
        .isEqualTo(Fixtures.SEED_001);
  }

  @Test
  void exclusionRemovesMatches() throws IOException {
    SearchResponse r = backend.search(SearchRequest.of("quận -Hoàng"));
    assertThat(ids(r)).doesNotContain(Fixtures.SEED_001).isNotEmpty();
  }

  @Test
  void unaccentedQuerySuggestsAccents() throws IOException {
    assertThat(backend.search(SearchRequest.of("hoang mai")).suggestion()).isEqualTo("Hoàng Mai");
    assertThat(backend.search(SearchRequest.of("Hoàng Mai")).suggestion()).isNull();
  }

  @Test
  void requestLimitsAreRefused() {
    assertThatThrownBy(() -> new SearchRequest("x", Map.of(), null, null, null, 1, 101, 10))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> new SearchRequest("x", Map.of(), null, null, null, 1001, 10, 10))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void documentViewHasBodyAndDetails() throws IOException {
    DocumentView v = backend.document(Fixtures.SEED_002).orElseThrow();
    assertThat(v.body()).startsWith("Quận Nam Từ Liêm (Hà Nội) cần tập trung");
    assertThat(v.extracted().author()).isEqualTo("Minh Huyền");
    assertThat(backend.document("no-such-id")).isEmpty();
  }

  @Test
  void reindexingTheSameReleasesKeepsTheCount() throws IOException {
    try (PressIndex index = Fixtures.seedIndex()) {
      int replaced = index.write(Fixtures.seedReleases());
      assertThat(replaced).isEqualTo(5);
      assertThat(index.count()).isEqualTo(5);
    }
  }

  @Test
  void accentedQueryMarksOnlyThatSpelling() throws IOException {
    // seed 004 matches "Hoàng Mai" through "Bùi Hoàng Phan" and, folded, "thương mại"
    SearchResponse r = backend.search(SearchRequest.of("Hoàng Mai"));
    assertThat(ids(r)).contains(Fixtures.SEED_004);
    for (Hit h : r.hits()) {
      assertThat(h.snippet()).as(h.id()).doesNotContainIgnoringCase("<mark>mại</mark>");
    }
  }

  @Test
  void unaccentedQueryMarksEverySpelling() throws IOException {
    Hit h =
        backend.search(SearchRequest.of("thuong mai")).hits().stream()
            .filter(x -> x.id().equals(Fixtures.SEED_000))
            .findFirst()
            .orElseThrow();
    assertThat(h.snippet()).contains("<mark>thương mại</mark>");
  }

  @Test
  void aQueryBeyondTheClauseLimitIsTheCallersMistakeNotAFailure() {
    // 330 different accented two-letter syllables (each asks four fields): within the
    // 1,000-character limit, beyond Lucene's 1,024 clauses
    StringBuilder q = new StringBuilder();
    for (char c : "bcdghklmnpqrstvx".toCharArray()) {
      for (char v : "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ".toCharArray()) {
        if (q.length() < 990) {
          q.append(c).append(v).append(' ');
        }
      }
    }
    assertThatThrownBy(() -> backend.search(SearchRequest.of(q.toString().strip())))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("too many words");
  }

  @Test
  void warmingUpAnEmptyOrAFullIndexLeavesItAnswering() throws IOException {
    try (LuceneBackend empty = new LuceneBackend(PressIndex.inMemory())) {
      empty.warmUp();
      assertThat(empty.search(SearchRequest.of("quận")).total()).isZero();
    }
    backend.warmUp();
    assertThat(backend.search(SearchRequest.of("")).total()).isEqualTo(5);
  }
}
