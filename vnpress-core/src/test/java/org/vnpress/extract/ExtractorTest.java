package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;

/** Raw-text parsing behaviours, one per test, on the seeds' own lines. */
class ExtractorTest {

  private final Extractor x = Extractor.standard();

  private static String seed(String stem) throws IOException {
    return Files.readString(Fixtures.seeds().resolve(stem + ".txt"));
  }

  @Test
  void titleGluedToFirstSentenceIsSplit() throws IOException {
    // seed 004: "…công tác đề raTại Hội nghị…"
    PressRelease r = x.fromText("s", seed(Fixtures.SEED_004));
    assertThat(r.title()).isEqualTo("Thực hiện tốt các nhiệm vụ, kế hoạch công tác đề ra");
    assertThat(r.body()).startsWith("Tại Hội nghị, đồng chí");
  }

  @Test
  void gluedSentencesAreSplit() throws IOException {
    PressRelease r = x.fromText("s", seed(Fixtures.SEED_004));
    assertThat(r.body()).contains("phát sinh. Hệ thống").doesNotContain("phát sinh.Hệ");
  }

  @Test
  void abbreviationsWithDotsAreNotSplit() {
    // "TP.HCM" is not two sentences: the letter before the dot is a capital
    PressRelease r = x.fromText("s", "Tiêu đề\n\nCông an TP.HCM cho biết.Hệ thống vẫn chạy.");
    assertThat(r.body()).contains("TP.HCM").contains("biết. Hệ thống");
  }

  @Test
  void pageFurnitureAtTheEndIsDropped() throws IOException {
    PressRelease r = x.fromText("s", seed(Fixtures.SEED_001));
    assertThat(r.body()).doesNotContain("Bình luận").doesNotContain("Đừng bỏ lỡ");
    assertThat(r.body()).endsWith("các tổ chức chính trị - xã hội.");
  }

  @Test
  void sourceNamedBeforeTheDateLabel() throws IOException {
    // "Hà Nội 360 - Ngày đăng : 11:27, 19/10/2022"
    assertThat(x.fromText("s", seed(Fixtures.SEED_000)).source()).isEqualTo("Hà Nội 360");
  }

  @Test
  void decomposedTextIsComposed() throws IOException {
    String nfd =
        java.text.Normalizer.normalize(seed(Fixtures.SEED_001), java.text.Normalizer.Form.NFD);
    PressRelease r = x.fromText("s", nfd);
    assertThat(r.title())
        .isEqualTo("Quận Hoàng Mai: Kinh tế phục hồi tốt, tốc độ tăng trưởng 9,54%");
    assertThat(r.date().iso()).isEqualTo("2022-12-30");
  }

  @Test
  void oldStyleTonePlacementIsKept() throws IOException {
    // shown text keeps the source's spelling: seed 004 writes "cấp uỷ"
    assertThat(x.fromText("s", seed(Fixtures.SEED_004)).body()).contains("cấp uỷ");
  }

  @Test
  void givenRecordFieldsWinOverExtractedOnes() {
    PressRelease r =
        x.fromRecord(
            new InputRecord(
                null,
                "Tiêu đề gốc",
                "Tiêu đề gốc\n\nThứ 3, 26/07/2022 | 17:11\n\nNội dung bài viết.",
                "2023-01",
                "https://example.org/a",
                "Nguồn"));
    assertThat(r.title()).isEqualTo("Tiêu đề gốc");
    assertThat(r.date().iso()).isEqualTo("2023-01");
    assertThat(r.body()).isEqualTo("Nội dung bài viết.");
    assertThat(r.id())
        .isEqualTo(
            x.fromRecord(new InputRecord(null, null, "khác", null, "https://example.org/a", null))
                .id());
  }

  @Test
  void recordWithoutIdOrUrlGetsAContentId() {
    PressRelease a = x.fromRecord(new InputRecord(null, null, "Một nội dung.", null, null, null));
    PressRelease b = x.fromRecord(new InputRecord(null, null, "Một nội dung.", null, null, null));
    PressRelease c = x.fromRecord(new InputRecord(null, null, "Nội dung khác.", null, null, null));
    assertThat(a.id()).isEqualTo(b.id()).isNotEqualTo(c.id());
  }

  @Test
  void wrappedLinesStayInTheirParagraph() {
    // resolutions are wrapped at ~70 columns: a line break inside a paragraph is not a new one
    PressRelease r =
        x.fromRecord(
            new InputRecord(
                "r",
                "Nghị quyết",
                "Điều 1. Sắp xếp các đơn vị\nhành chính cấp xã.\n\nĐiều 2. Hiệu lực.",
                null,
                null,
                null));
    assertThat(r.body())
        .isEqualTo("Điều 1. Sắp xếp các đơn vị\nhành chính cấp xã.\n\nĐiều 2. Hiệu lực.");
  }
}
