package org.vnpress.search.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnpress.Fixtures;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.NgramTable;
import org.vnpress.index.PressIndex;

/**
 * Accent restoration as a fresh install has it: the five seeds in the index and the shipped model
 * behind them. The issue's examples, capitals, numbers and document numbers, and the counts of the
 * index itself: kept across a reopen and updated when documents are committed.
 */
class AccentRestorerTest {

  private static PressIndex seeds;
  private static AccentRestorer restorer;

  @BeforeAll
  static void open() throws IOException {
    seeds = Fixtures.seedIndex();
    restorer = AccentRestorer.of(seeds);
  }

  @AfterAll
  static void close() throws IOException {
    seeds.close();
  }

  private static String suggest(String q) {
    return restorer.restore(q).suggestion();
  }

  @Test
  void theIssuesExamplesComeOutRight() {
    // the district committee, not the military one; the Party organisation, not "đang"
    assertThat(suggest("quan uy hoang mai")).isEqualTo("quận ủy Hoàng Mai");
    assertThat(suggest("dang bo quan hoang mai")).isEqualTo("đảng bộ quận Hoàng Mai");
    assertThat(suggest("hoi nghi ban chap hanh")).isEqualTo("hội nghị ban chấp hành");
    assertThat(suggest("tai nan giao thong")).isEqualTo("tai nạn giao thông");
    assertThat(suggest("muoi may nam")).isEqualTo("mười mấy năm");
    assertThat(suggest("bieu dien")).isEqualTo("biểu diễn");
    assertThat(suggest("bay to su")).isEqualTo("bày tỏ sự");
    assertThat(suggest("tich cuc")).isEqualTo("tích cực");
  }

  // the index's own text outweighs the shipped news: the seeds write "Quận ủy", never "Quân ủy"
  @Test
  void theIndexsOwnTextDecidesBetweenReadings() {
    assertThat(suggest("quan uy")).isEqualTo("quận ủy");
    assertThat(suggest("ban thuong vu quan uy")).isEqualTo("ban thường vụ quận ủy");
    // the shipped model alone reads the military commission there (news write it more often)
    AccentRestorer shippedOnly = new AccentRestorer(NgramTable::empty, FallbackModel::table);
    assertThat(shippedOnly.restore("quan uy").suggestion()).isEqualTo("quân ủy");
  }

  @Test
  void theSeedsDomainPhrases() {
    assertThat(suggest("uy ban nhan dan")).isEqualTo("ủy ban nhân dân");
    assertThat(suggest("hoi dong nhan dan")).isEqualTo("hội đồng nhân dân");
    assertThat(suggest("ban chap hanh dang bo")).isEqualTo("ban chấp hành đảng bộ");
  }

  @Test
  void theReadingHasOneAccentedFormPerWord() {
    Restoration r = restorer.restore("quan uy hoang mai");
    assertThat(r.reading()).containsExactly("quận", "ủy", "Hoàng", "Mai");
  }

  @Test
  void theUsersCapitalsAreKept() {
    // capitals typed stay where they were typed, all caps stays all caps
    assertThat(suggest("Quan uy Hoang Mai")).isEqualTo("Quận ủy Hoàng Mai");
    assertThat(suggest("QUAN UY HOANG MAI")).isEqualTo("QUẬN ỦY HOÀNG MAI");
  }

  @Test
  void namesTheTextKnowsGetTheirCapitals() {
    assertThat(suggest("quan hai ba trung")).isEqualTo("quận Hai Bà Trưng");
    assertThat(suggest("sua vinamilk")).isEqualTo("sữa Vinamilk");
    assertThat(suggest("thanh pho ha noi")).isEqualTo("thành phố Hà Nội");
  }

  @Test
  void numbersAndDocumentNumbersStayAsTypedAndTheOtherWordsAreRestored() {
    assertThat(suggest("nghi quyet 15-NQ/TW")).isEqualTo("nghị quyết 15-NQ/TW");
    // (whether the Politburo is capitalized is the text's habit, not this test's point)
    assertThat(suggest("thuc hien nghi quyet so 15-NQ/TW cua bo chinh tri"))
        .isEqualToIgnoringCase("thực hiện nghị quyết số 15-NQ/TW của bộ chính trị");
    assertThat(suggest("ngay 15 thang 3 nam 2025")).isEqualTo("ngày 15 tháng 3 năm 2025");
    Restoration r = restorer.restore("nghi quyet 15-NQ/TW");
    assertThat(r.reading()).containsExactly("nghị", "quyết", "15-NQ/TW");
  }

  @Test
  void queriesTypedWithDiacriticsAreLeftAlone() {
    assertThat(suggest("Hoàng Mai")).isNull();
    assertThat(suggest("quận ủy Hoàng Mai")).isNull();
    assertThat(restorer.restore("Hoàng Mai").reading()).containsExactly("Hoàng", "Mai");
  }

  @Test
  void aWordTypedWithDiacriticsIsContextForTheOthers() {
    assertThat(suggest("quận uy hoang mai")).isEqualTo("quận ủy Hoàng Mai");
  }

  @Test
  void querySyntaxIsKept() {
    assertThat(suggest("\"quan uy\" hoang mai")).isEqualTo("\"quận ủy\" Hoàng Mai");
    assertThat(suggest("nghi quyet -covid")).isEqualTo("nghị quyết -covid");
  }

  @Test
  void latinWordsAndUnknownWordsStayAsTyped() {
    assertThat(restorer.restore("hoi nghi online").reading())
        .containsExactly("hội", "nghị", "online");
    assertThat(suggest("xyzzy")).isNull();
  }

  @Test
  void blankAndWordlessQueriesHaveNothingToSuggest() {
    assertThat(restorer.restore("").suggestion()).isNull();
    assertThat(restorer.restore("   ").reading()).isEmpty();
    assertThat(restorer.restore("15-NQ/TW").suggestion()).isNull();
  }

  @Test
  void aSuggestionNeedsToBeClearlyLikelierThanTheQueryAsTyped() {
    // "ban" (committee) is itself a word: a one-word query that is a word is left alone
    assertThat(suggest("ban")).isNull();
    assertThat(restorer.restore("ban").reading()).containsExactly("ban");
  }

  @Test
  void theIndexsOwnCountsAreUpdatedWhenDocumentsAreCommitted() throws IOException {
    try (PressIndex index = PressIndex.inMemory()) {
      AccentRestorer own = new AccentRestorer(index.syllableCounts()::table, NgramTable::empty);
      assertThat(own.restore("nam tu liem").suggestion()).isNull();
      try (var batch = index.begin()) {
        for (PressRelease r : Fixtures.seedReleases()) {
          batch.put(index.prepare(r));
        }
        // written but not committed: searches do not see it yet
        assertThat(own.restore("nam tu liem").suggestion()).isNull();
        batch.commit();
      }
      assertThat(own.restore("nam tu liem").suggestion()).isEqualTo("Nam Từ Liêm");
    }
  }

  @Test
  void theCountsAreKeptAcrossAReopen(@TempDir Path dir) throws IOException {
    long tokens;
    try (PressIndex index = PressIndex.open(dir)) {
      index.write(Fixtures.seedReleases());
      tokens = index.syllableCounts().table().tokens();
    }
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .contains(org.vnpress.index.SyllableCounts.FILE);
    try (PressIndex index = PressIndex.open(dir)) {
      NgramTable t = index.syllableCounts().table();
      assertThat(t.tokens()).isEqualTo(tokens).isPositive();
      AccentRestorer own = new AccentRestorer(index.syllableCounts()::table, NgramTable::empty);
      assertThat(own.restore("quan nam tu liem").suggestion()).isEqualTo("quận Nam Từ Liêm");
      // more documents are added to what was kept, not instead of it
      List<PressRelease> again = List.of(Fixtures.seedReleases().get(0));
      index.write(again);
      assertThat(index.syllableCounts().table().tokens()).isGreaterThan(tokens);
    }
  }
}
