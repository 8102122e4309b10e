package org.vnpress.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.index.Fields;
import org.vnpress.index.PressIndex;

/**
 * How a search is executed (issue 14), on the bundled index: strict matching first, relaxed only
 * when too few hold every word, estimated counts above a threshold, the time budget, cursors.
 * Thresholds are shrunk through {@link SearchLimits} so each path runs on 2,068 releases.
 */
class SearchCoreTest {

  private static PressIndex index;
  private static LuceneBackend backend;

  @BeforeAll
  static void open() throws IOException {
    index = Fixtures.bundledIndex();
    backend = new LuceneBackend(index);
  }

  private static SearchResponse search(String q) throws IOException {
    return backend.search(SearchRequest.of(q));
  }

  private static List<String> ids(SearchResponse r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  // every word is required: adding words narrows the results, never widens them
  @Test
  void moreWordsNeverGiveMoreResults() throws IOException {
    SearchResponse shorter = search("Hội nghị Ban Chấp hành");
    SearchResponse longer = search("Hội nghị Ban Chấp hành Đảng bộ quận");
    assertThat(shorter.relaxed()).isFalse();
    assertThat(longer.relaxed()).isFalse();
    assertThat(longer.total()).isPositive().isLessThan(shorter.total());
    assertThat(longer.totalRelation()).isEqualTo("eq");
  }

  // no release holds "thuyền rồng" beside the 16th plenum's words: the search relaxes, says so, and
  // still finds the 16th plenum of Hai Bà Trưng first
  @Test
  void tooFewStrictMatchesRelaxToMostWords() throws IOException {
    SearchResponse r = search("Ban Chấp hành Đảng bộ quận Hai Bà Trưng khóa XXVI thuyền rồng");
    assertThat(r.relaxed()).isTrue();
    assertThat(r.strictTotal()).isLessThan(5);
    assertThat(r.total()).isGreaterThan(r.strictTotal());
    assertThat(ids(r)).first().isEqualTo(Fixtures.SEED_000);
  }

  // "lần thứ 16" finds the seed that writes "lần thứ mười sáu" with every word (issue 20), and
  // the meeting's session and term lift it above releases that only share the words
  @Test
  void aMeetingsNumbersMatchInEverySpelling() throws IOException {
    SearchResponse r = search("hội nghị lần thứ 16 khóa XXVI quận Hai Bà Trưng");
    assertThat(r.relaxed()).isFalse();
    assertThat(ids(r)).first().isEqualTo(Fixtures.SEED_000);
    assertThat(search("Hội nghị lần thứ XVI Ban Chấp hành").hits())
        .extracting(Hit::id)
        .contains(Fixtures.SEED_000);
  }

  // when a few releases hold every word, they come before those that hold most of them
  @Test
  void strictMatchesComeFirstInARelaxedSearch() throws IOException {
    String q = "Hội nghị lần thứ mười sáu Ban Chấp hành";
    SearchResponse r = search(q);
    assertThat(r.relaxed()).isTrue();
    assertThat(r.strictTotal()).isBetween(1L, 4L);
    // the same search never relaxed: only the releases holding every word
    TextQueryBuilder.Tuning d = TextQueryBuilder.Tuning.DEFAULT;
    TextQueryBuilder.Tuning never =
        new TextQueryBuilder.Tuning(
            d.titleBoost(),
            d.foldedWeight(),
            d.pairBoost(),
            d.phraseBoost(),
            d.minShouldMatch(),
            d.synonyms(),
            d.stopwords(),
            d.rescoreWindow(),
            0,
            d.togetherBoost());
    LuceneBackend strictOnly =
        new LuceneBackend(index, new TextQueryBuilder(never), SearchLimits.DEFAULT);
    SearchResponse strict = strictOnly.search(SearchRequest.of(q));
    assertThat(strict.relaxed()).isFalse();
    assertThat(strict.total()).isEqualTo(r.strictTotal());
    assertThat(ids(r).subList(0, (int) r.strictTotal()))
        .containsExactlyInAnyOrderElementsOf(ids(strict));
  }

  // two syllables are never relaxed: "most of two words" is one word
  @Test
  void twoWordsAreNeverRelaxed() throws IOException {
    SearchResponse r = search("Vinamilk Kiếm");
    assertThat(r.relaxed()).isFalse();
    assertThat(r.total()).isZero();
  }

  // above the threshold, counts come from a sample: the total is a lower bound, facets estimates
  @Test
  void manyMatchesAreCountedFromASample() throws IOException {
    SearchResponse exact = search("của");
    assertThat(exact.totalRelation()).isEqualTo("eq");
    SearchLimits small = new SearchLimits(100, 4, 1_000);
    {
      // shares the bundled index: not closed
      LuceneBackend sampled = new LuceneBackend(index, new TextQueryBuilder(), small);
      SearchResponse r = sampled.search(SearchRequest.of("của"));
      assertThat(r.totalRelation()).isEqualTo("gte");
      assertThat(r.total()).isGreaterThan(100).isLessThanOrEqualTo(exact.total());
      assertThat(r.total()).isGreaterThan(exact.total() / 2);
      // the same hits: only the counting is sampled
      assertThat(ids(r)).isEqualTo(ids(exact));
      List<FacetValue> years = r.facets().get(Fields.YEAR);
      assertThat(years).isNotEmpty().allMatch(v -> v.count() % 4 == 0);
    }
  }

  // the landing page and filter-only searches are counted exactly (and cached), however many
  @Test
  void searchesWithoutTextAreCountedExactly() throws IOException {
    SearchLimits small = new SearchLimits(100, 4, 1_000);
    {
      // shares the bundled index: not closed
      LuceneBackend sampled = new LuceneBackend(index, new TextQueryBuilder(), small);
      SearchResponse r = sampled.search(SearchRequest.of(""));
      assertThat(r.totalRelation()).isEqualTo("eq");
      assertThat(r.total()).isEqualTo(index.count());
      assertThat(sampled.search(SearchRequest.of("")).facets()).isEqualTo(r.facets());
    }
  }

  // a search whose budget is spent answers with what it has and says it is partial
  @Test
  void anExhaustedBudgetGivesAPartialAnswer() throws IOException {
    SearchLimits none = new SearchLimits(100_000, 32, 0);
    {
      // shares the bundled index: not closed
      LuceneBackend hurried = new LuceneBackend(index, new TextQueryBuilder(), none);
      SearchResponse r = hurried.search(SearchRequest.of("Hội nghị Ban Chấp hành"));
      assertThat(r.partial()).isTrue();
      assertThat(r.total()).isLessThanOrEqualTo(search("Hội nghị Ban Chấp hành").total());
    }
    assertThat(search("Hội nghị Ban Chấp hành").partial()).isFalse();
  }

  // the budget applies to the facet pass of a search without text too, but the cached landing
  // counts are never partial
  @Test
  void theLandingPageIsNeverPartial() throws IOException {
    SearchLimits none = new SearchLimits(100_000, 32, 0);
    {
      // shares the bundled index: not closed
      LuceneBackend hurried = new LuceneBackend(index, new TextQueryBuilder(), none);
      SearchResponse r = hurried.search(SearchRequest.of(""));
      assertThat(r.total()).isEqualTo(index.count());
    }
  }

  // more words than a search may have are refused with a clear message
  @Test
  void tooManyWordsAreRefused() {
    String q = "hội nghị ".repeat(TextQueryBuilder.MAX_WORDS / 2 + 1).strip();
    assertThatThrownBy(() -> search(q))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("too many words")
        .hasMessageContaining(String.valueOf(TextQueryBuilder.MAX_WORDS));
  }

  // following nextCursor gives the same results, in the same order, as one long page
  @Test
  void cursorPagesMatchOneLongPage() throws IOException {
    for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
      SearchRequest all = new SearchRequest("quận", Map.of(), null, null, sort, 1, 60, 10);
      List<String> expected = ids(backend.search(all));
      List<String> paged = new ArrayList<>();
      SearchRequest page = new SearchRequest("quận", Map.of(), null, null, sort, 1, 10, 10);
      SearchResponse r = backend.search(page);
      while (paged.size() < 60) {
        paged.addAll(ids(r));
        assertThat(r.nextCursor()).isNotNull();
        r = backend.search(page.withCursor(Cursor.decode(r.nextCursor())));
      }
      assertThat(paged).as(sort.name()).isEqualTo(expected);
    }
  }

  // the last page has no cursor; every page reports the same total
  @Test
  void theLastPageHasNoCursor() throws IOException {
    SearchRequest first = new SearchRequest("Hoàng Mai", Map.of(), null, null, null, 1, 10, 10);
    SearchResponse r = backend.search(first);
    long total = r.total();
    int seen = r.hits().size();
    while (r.nextCursor() != null) {
      r = backend.search(first.withCursor(Cursor.decode(r.nextCursor())));
      assertThat(r.total()).isEqualTo(total);
      seen += r.hits().size();
    }
    assertThat(seen).isEqualTo((int) total);
  }

  // a cursor that did not come from an answer is a 400, not a failure
  @Test
  void aForgedCursorIsRefused() {
    assertThatThrownBy(() -> Cursor.decode("not-a-cursor")).isInstanceOf(BadRequestException.class);
  }

  // a date range filters; it does not flatten the ranking
  @Test
  void aDateRangeKeepsTheRanking() throws IOException {
    SearchRequest ranged =
        new SearchRequest(
            "quận",
            Map.of(),
            java.time.LocalDate.of(2022, 1, 1),
            java.time.LocalDate.of(2022, 12, 31),
            SearchRequest.Sort.RELEVANCE,
            1,
            10,
            10);
    SearchResponse r = backend.search(ranged);
    assertThat(r.hits()).hasSizeGreaterThan(2);
    assertThat(r.hits()).allMatch(h -> h.score() > 0 && h.date().startsWith("2022"));
    List<Float> scores = r.hits().stream().map(Hit::score).toList();
    assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    // the same releases in the same order as in the search without the range
    SearchResponse all =
        backend.search(new SearchRequest("quận", Map.of(), null, null, null, 1, 100, 10));
    List<String> order = all.hits().stream().map(Hit::id).filter(ids(r)::contains).toList();
    assertThat(ids(r)).isEqualTo(order.subList(0, r.hits().size()));
  }

  // the undated releases among the matches are counted
  @Test
  void undatedMatchesAreCounted() throws IOException {
    SearchResponse r = search("");
    long dated = r.facets().get(Fields.YEAR).stream().mapToLong(FacetValue::count).sum();
    assertThat(r.undated()).isEqualTo(r.total() - dated).isPositive();
    SearchResponse y =
        backend.search(SearchRequest.of("").withFilters(Map.of(Fields.YEAR, List.of("2021"))));
    assertThat(y.undated()).isZero();
  }

  // the lower bound of a sampled total is below the estimate and rounded to two digits
  @Test
  void theSampledTotalIsARoundedLowerBound() {
    SearchLimits l = SearchLimits.DEFAULT;
    long bound = l.lowerBound(7_250);
    assertThat(bound).isLessThan(7_250L * 32).isGreaterThan(7_250L * 32 * 9 / 10);
    assertThat(String.valueOf(bound)).matches("\\d\\d0+");
    assertThat(l.lowerBound(0)).isZero();
  }

  // a pasted passage gets a smaller share of the time than a query of a few words
  @Test
  void aLongQueryGetsLessOfTheBudget() {
    SearchLimits l = SearchLimits.DEFAULT;
    assertThat(l.budgetMillis(1)).isEqualTo(l.budgetMillis(16)).isEqualTo(l.budgetMillis());
    assertThat(l.budgetMillis(64)).isEqualTo(l.budgetMillis() / 4);
    assertThat(l.budgetMillis(100)).isLessThan(l.budgetMillis(64)).isPositive();
  }
}
