package org.vnpress.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.Sources;
import org.vnpress.index.Ingest;
import org.vnpress.index.PressIndex;

/** Completion while typing over the bundled index (seeds, resolutions, DANeS titles). */
class CompletionsTest {

  private static PressIndex index;
  private static Completions completions;

  @BeforeAll
  static void indexBundledData() throws IOException {
    index = PressIndex.inMemory();
    Path data = Path.of(System.getProperty("vnpress.project", ".")).resolve("index-data");
    new Ingest(index, new Sources(Extractor.standard())).run(List.of(data), Ingest.Progress.NONE);
    completions = new Completions(index, Duration.ZERO);
  }

  @AfterAll
  static void close() throws IOException {
    completions.close();
    index.close();
  }

  private static List<String> texts(String prefix) throws IOException {
    return completions.complete(prefix, 8).stream().map(Completion::text).toList();
  }

  @Test
  void unaccentedPrefixCompletesToTheDistrict() throws IOException {
    // "hoang m" typed on a phone without accents, the last word unfinished
    Completion first = completions.complete("hoang m", 8).get(0);
    assertThat(first)
        .isEqualTo(new Completion("Quận Hoàng Mai", "district", "Hà Nội/Hoàng Mai", "Hà Nội", 1));
  }

  @Test
  void accentedAndUnaccentedPrefixesGiveTheSameCompletions() throws IOException {
    assertThat(texts("Hoàng Mai")).isEqualTo(texts("hoang mai")).contains("Quận Hoàng Mai");
  }

  @Test
  void theDistrictsTypeWordCompletesToo() throws IOException {
    // the label "Quận Hai Bà Trưng" is a key beside the bare name
    assertThat(texts("quan hai")).contains("Quận Hai Bà Trưng");
  }

  @Test
  void documentNumberPrefixCompletesToCanonicalNumbers() throws IOException {
    List<Completion> found = completions.complete("15-nq", 8);
    assertThat(found).isNotEmpty().allSatisfy(c -> assertThat(c.kind()).isEqualTo("document"));
    assertThat(found).extracting(Completion::value).contains("15-NQ/TW");
  }

  @Test
  void frequentTitlePhrasesCompleteInTheirAccentedForm() throws IOException {
    // the 34 merger resolutions are all titled "... VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ
    // ..."
    List<Completion> found = completions.complete("sap xep cac don vi", 8);
    assertThat(found)
        .filteredOn(c -> c.kind().equals("phrase"))
        .extracting(Completion::text)
        .contains("sắp xếp các đơn vị hành chính");
  }

  @Test
  void phrasesNeitherStartNorEndOnASmallWord() {
    assertThat(Completions.titlePhrases("Quận Hoàng Mai: Kinh tế phục hồi tốt, tốc độ tăng trưởng"))
        .contains("Quận Hoàng Mai", "Kinh tế phục hồi tốt", "tốc độ tăng trưởng")
        .noneMatch(p -> p.startsWith("của ") || p.endsWith(" và"))
        .noneMatch(p -> p.contains(":") || p.contains(","));
  }

  @Test
  void nothingTypedCompletesToNothing() throws IOException {
    assertThat(completions.complete("   ", 8)).isEmpty();
    assertThat(completions.complete("xqzxqz", 8)).isEmpty();
  }

  @Test
  void limitIsKeptAndChecked() throws IOException {
    assertThat(completions.complete("ha", 3)).hasSize(3);
    assertThatThrownBy(() -> completions.complete("ha", 0)).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> completions.complete("ha", Completions.MAX_LIMIT + 1))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void aNewDistrictCompletesOnceTheIndexIsRefreshed() throws Exception {
    PressIndex small = Fixtures.seedIndex();
    try (Completions c = new Completions(small, Duration.ZERO)) {
      assertThat(c.complete("dong da", 5)).extracting(Completion::value).contains("Hà Nội/Đống Đa");
      assertThat(c.complete("gia lam", 5)).isEmpty();
      PressRelease about =
          Extractor.standard()
              .fromText(
                  "gia-lam-test",
                  "Huyện Gia Lâm sơ kết công tác quý I\n\nSáng 5-4-2023, Huyện ủy Gia Lâm tổ chức"
                      + " hội nghị sơ kết công tác quý I năm 2023 của huyện Gia Lâm.");
      small.write(List.of(about));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (c.complete("gia lam", 5).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(c.complete("gia lam", 5)).extracting(Completion::value).contains("Hà Nội/Gia Lâm");
    } finally {
      small.close();
    }
  }
}
