package org.vnpress.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.index.Fields;

/**
 * Citations, people and meetings as facets and views (issue 20), on the bundled index: the seeds,
 * the 35 resolutions and the DANeS items.
 */
class FactsSearchTest {

  private static LuceneBackend backend;

  @BeforeAll
  static void open() throws IOException {
    backend = new LuceneBackend(Fixtures.bundledIndex());
  }

  private static SearchResponse filtered(String dim, String value) throws IOException {
    return backend.search(SearchRequest.of("").withFilters(Map.of(dim, List.of(value))));
  }

  @Test
  void theCitationsOf15NqTwListTheSeedOfHaiBaTrungByQuarterAndDistrict() throws IOException {
    // typed as printed: 15-NQ/TƯ
    CitationView v = CitationView.of(backend, "15-NQ/TƯ", null, 1, 10);
    assertThat(v.number()).isEqualTo("15-NQ/TW");
    assertThat(v.ref().typeLabel()).isEqualTo("Nghị quyết");
    // the Politburo's resolution itself is not in the bundled data
    assertThat(v.document()).isNull();
    assertThat(v.citing().hits()).extracting(Hit::id).containsExactly(Fixtures.SEED_000);
    assertThat(v.citing().facets().get(Fields.QUARTER))
        .containsExactly(new FacetValue("2022-Q4", "Quý IV/2022", 1));
    assertThat(v.citing().facets().get(Fields.DISTRICT))
        .containsExactly(new FacetValue("Hà Nội/Hai Bà Trưng", "Quận Hai Bà Trưng", 1));
  }

  @Test
  void aBundledResolutionShowsItselfAndIsNotItsOwnCitation() throws IOException {
    CitationView v = CitationView.of(backend, "1656/NQ-UBTVQH15", null, 1, 10);
    assertThat(v.document()).isNotNull();
    assertThat(v.document().id()).isEqualTo("resolution-1656_NQ-UBTVQH15");
    assertThat(v.citing().hits()).extracting(Hit::id).doesNotContain("resolution-1656_NQ-UBTVQH15");
  }

  @Test
  void aCitedStateNumberListsTheResolutionsThatCiteIt() throws IOException {
    // every 2025 merger resolution cites the Constitution amendment 203/2025/QH15
    CitationView v = CitationView.of(backend, "203/2025/QH15", null, 1, 100);
    assertThat(v.document()).isNull();
    assertThat(v.citing().total()).isEqualTo(34);
  }

  @Test
  void notADocumentNumberIsTheClientsError() {
    assertThatThrownBy(() -> CitationView.of(backend, "Hai Bà Trưng", null, 1, 10))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> CitationView.of(backend, " ", null, 1, 10))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void theSeedsOfficialsAreFacetValuesWithTheirPosts() throws IOException {
    SearchResponse all = backend.search(SearchRequest.of(""));
    assertThat(all.facets().get(Fields.PERSON)).isNotEmpty();
    SearchResponse hk = filtered(Fields.DISTRICT, "Hà Nội/Hoàn Kiếm");
    assertThat(hk.facets().get(Fields.PERSON))
        .extracting(FacetValue::value)
        .contains("Nguyễn Văn Dũng", "Bùi Hoàng Phan");
    assertThat(hk.facets().get(Fields.POST))
        .extracting(FacetValue::value)
        .contains("Chánh Văn phòng Quận ủy Hoàn Kiếm", "Phó Bí thư Thường trực Quận ủy Hoàn Kiếm");
    assertThat(filtered(Fields.PERSON, "Bùi Hoàng Phan").hits())
        .extracting(Hit::id)
        .containsExactly(Fixtures.SEED_004);
  }

  @Test
  void aPersonsViewListsThePostsTheReleasesGive() throws IOException {
    // typed without capitals: the name is kept in one form
    PersonView v = PersonView.of(backend, "nguyễn văn dũng", 1, 10);
    assertThat(v.name()).isEqualTo("Nguyễn Văn Dũng");
    assertThat(v.posts())
        .extracting(PersonView.HeldPost::label)
        .containsExactly("Chánh Văn phòng Quận ủy Hoàn Kiếm");
    assertThat(v.mentions()).extracting(PersonView.Mention::id).containsExactly(Fixtures.SEED_004);
    assertThat(v.releases().total()).isEqualTo(1);
  }

  @Test
  void aPersonOverTimeFromSeveralReleases() throws IOException {
    // Deputy Prime Minister Lê Văn Thành is named in several DANeS items of 2021
    PersonView v = PersonView.of(backend, "Lê Văn Thành", 1, 10);
    assertThat(v.releases().total()).isGreaterThan(1);
    assertThat(v.posts()).extracting(PersonView.HeldPost::post).contains("Phó Thủ tướng");
    for (PersonView.HeldPost p : v.posts()) {
      if (p.first() != null) {
        assertThat(p.first()).isLessThanOrEqualTo(p.last());
      }
    }
  }

  @Test
  void theMeetingOfTheSeedOfHaiBaTrungIsFacetedAndSearchable() throws IOException {
    SearchResponse hbt = filtered(Fields.DISTRICT, "Hà Nội/Hai Bà Trưng");
    assertThat(hbt.facets().get(Fields.MEETING_BODY))
        .extracting(FacetValue::value)
        .containsExactly("Ban Chấp hành");
    assertThat(filtered(Fields.SESSION, "16").hits())
        .extracting(Hit::id)
        .containsExactly(Fixtures.SEED_000);
    assertThat(filtered(Fields.TERM, "XXVI").hits())
        .extracting(Hit::id)
        .containsExactlyInAnyOrder(Fixtures.SEED_000, Fixtures.SEED_004);
    SearchResponse q =
        backend.search(SearchRequest.of("hội nghị lần thứ 16 khóa XXVI quận Hai Bà Trưng"));
    assertThat(q.relaxed()).isFalse();
    assertThat(q.hits().get(0).id()).isEqualTo(Fixtures.SEED_000);
    assertThat(q.hits().get(0).meeting().session()).isEqualTo(16);
  }
}
