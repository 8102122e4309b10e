package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;

/**
 * The meeting a release reports, one form per test, from the seeds, the resolutions and DANeS (CC
 * BY 4.0, bundled in {@code index-data/}).
 */
class MeetingExtractorTest {

  private static final MeetingExtractor MEETINGS = new MeetingExtractor();

  private static Meeting seed(String id) {
    return Fixtures.seedReleases().stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow()
        .meeting();
  }

  private static String key(Meeting m) {
    return m == null ? null : m.body() + "|" + m.session() + "|" + m.term();
  }

  @Test
  void theBodyBeforeTheMeetingAndTheSessionInWords() {
    // seed 000: "Ban Chấp hành Đảng bộ quận Hai Bà Trưng khóa XXVI, nhiệm kỳ 2020-2025 tổ chức Hội
    // nghị lần thứ mười sáu"
    Meeting m = seed(Fixtures.SEED_000);
    assertThat(m)
        .isEqualTo(
            new Meeting("Ban Chấp hành", 16, "XXVI", "Đảng bộ quận Hai Bà Trưng", "2020-2025"));
  }

  @Test
  void theSessionInDigitsWithoutATerm() {
    // seed 001: "Ban Chấp hành Đảng bộ quận Hoàng Mai tổ chức hội nghị lần thứ 12"
    assertThat(key(seed(Fixtures.SEED_001))).isEqualTo("Ban Chấp hành|12|null");
  }

  @Test
  void aCaptionAfterALeadThatNamesNoBody() {
    // seed 004: "Tại Hội nghị, …" names nothing; the caption "Hội nghị lần thứ 3 Ban Chấp hành Đảng
    // bộ quận Hoàn Kiếm khóa XXVI" does
    assertThat(key(seed(Fixtures.SEED_004))).isEqualTo("Ban Chấp hành|3|XXVI");
  }

  @Test
  void citedCongressesAndBareHoiNghiAreNoMeeting() {
    // seed 002 cites "Nghị quyết Đại hội đại biểu lần thứ II"; seed 003 only says "Tại hội nghị"
    assertThat(seed(Fixtures.SEED_002)).isNull();
    assertThat(seed(Fixtures.SEED_003)).isNull();
  }

  @Test
  void aResolutionOfThePlenumItIsNamedAfter() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(Fixtures.resolutions(), StandardCharsets.UTF_8)) {
      JsonNode r = json.readTree(line);
      Meeting m = MEETINGS.extract(r.get("title").asText(), r.get("body").asText());
      if (r.get("id").asText().equals("resolution-60-NQ_TW")) {
        // "Nghị quyết số 60-NQ/TW HỘI NGHỊ LẦN THỨ 11 BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII"
        assertThat(key(m)).isEqualTo("Ban Chấp hành Trung ương|11|XIII");
      } else {
        // the Standing Committee's resolutions name no session
        assertThat(m).as(r.get("id").asText()).isNull();
      }
    }
  }

  @Test
  void aSessionOfTheNationalAssembly() {
    // DANeS 787082
    assertThat(
            key(
                MEETINGS.extract(
                    "Ngày làm việc thứ tư, Quốc hội thảo luận các dự án luật",
                    "Theo chương trình kỳ họp thứ hai, Quốc hội khóa XV, sáng ngày 23/10, Quốc hội"
                        + " tiếp tục làm việc tại hội trường")))
        .isEqualTo("Quốc hội|2|XV");
  }

  @Test
  void hoiNghiTrungUongWithItsNumber() {
    // DANeS 786859, 785358
    assertThat(
            key(
                MEETINGS.extract(
                    null, "Khai mạc Hội nghị Trung ương 4, Tổng Bí thư nêu lên một số vấn đề")))
        .isEqualTo("Ban Chấp hành Trung ương|4|null");
    assertThat(
            key(
                MEETINGS.extract(
                    "Khai mạc trọng thể Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII",
                    "Toàn thể Hội nghị đã dành một phút tưởng niệm đồng bào tử vong")))
        .isEqualTo("Ban Chấp hành Trung ương|4|XIII");
  }

  @Test
  void aGovernmentMeetingWithoutANumber() {
    // DANeS 785895
    assertThat(
            key(
                MEETINGS.extract(
                    null,
                    "Sáng 2/10, tại phiên họp Chính phủ thường kỳ tháng 9, Chính phủ đã dành thời"
                        + " gian họp trực tuyến")))
        .isEqualTo("Chính phủ|null|null");
  }

  @Test
  void aForumIsNoMeeting() {
    // DANeS 785647: an international round table, numbered but of no body here
    assertThat(
            MEETINGS.extract(
                null,
                "Bộ trưởng Bộ Khoa học và Công nghệ (KH&CN) Huỳnh Thành Đạt vừa tham dự và phát"
                    + " biểu tại Hội nghị bàn tròn các Bộ trưởng KH&CN lần thứ 18."))
        .isNull();
  }
}
