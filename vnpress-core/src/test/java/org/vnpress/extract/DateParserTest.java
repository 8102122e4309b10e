package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Date forms, one per test; date lines from the seeds and the resolutions' headers. */
class DateParserTest {

  private static String first(String text) {
    return DateParser.firstDate(text).map(PubDate::iso).orElse(null);
  }

  @Test
  void wordsDate() {
    // resolution 1656/NQ-UBTVQH15 header
    assertThat(first("Hà Nội, ngày 16 tháng 6 năm 2025")).isEqualTo("2025-06-16");
  }

  @Test
  void slashDate() {
    assertThat(first("12/01/2026")).isEqualTo("2026-01-12");
  }

  @Test
  void hyphenDate() {
    assertThat(first("12-01-2026")).isEqualTo("2026-01-12");
  }

  @Test
  void dotDate() {
    assertThat(first("12.01.2026")).isEqualTo("2026-01-12");
  }

  @Test
  void partyStyleDate() {
    assertThat(first("Hà Nội, 01-10-1997")).isEqualTo("1997-10-01");
  }

  @Test
  void isoDate() {
    assertThat(first("2026-01-12")).isEqualTo("2026-01-12");
  }

  @Test
  void impossibleDayIsNoDate() {
    assertThat(first("31/02/2022")).isNull();
  }

  @Test
  void monthOnly() {
    assertThat(DateParser.firstMonth("cập nhật tháng 10/2022").map(PubDate::iso))
        .contains("2022-10");
  }

  @Test
  void monthOnlyInWords() {
    assertThat(DateParser.firstMonth("tháng 10 năm 2022").map(PubDate::iso)).contains("2022-10");
  }

  @Test
  void marker() {
    // seed 003
    assertThat(DateParser.marker(" date 2022-10 Tại hội nghị").map(m -> m.date().iso()))
        .contains("2022-10");
  }

  @Test
  void seedDateLineWithPublishedLabel() {
    // seed 000
    assertThat(DateParser.dateLine("Hà Nội 360 - Ngày đăng : 11:27, 19/10/2022").map(PubDate::iso))
        .contains("2022-10-19");
  }

  @Test
  void seedDateLineWithWeekday() {
    // seed 002
    assertThat(DateParser.dateLine("Thứ 3, 26/07/2022 | 17:11").map(PubDate::iso))
        .contains("2022-07-26");
  }

  @Test
  void monthOnlyDateLine() {
    assertThat(DateParser.dateLine("Cập nhật: tháng 10/2022").map(PubDate::precision))
        .contains(PubDate.Precision.MONTH);
  }

  @Test
  void sentenceMentioningADateIsNoDateLine() {
    // resolution 60-NQ/TW: a cited regulation's date is not the publication date
    assertThat(
            DateParser.dateLine(
                "Cơ bản thống nhất nội dung sửa đổi, bổ sung Quy định số 232-QĐ/TW, ngày 20/01/2025"
                    + " của Ban Chấp hành Trung ương Đảng"))
        .isEmpty();
  }

  @Test
  void parseKeepsThePrecisionWritten() {
    assertThat(DateParser.parse("2022-10").map(PubDate::precision))
        .contains(PubDate.Precision.MONTH);
  }

  @Test
  void dayMonthTakesTheYearOfTheDateLine() {
    // seed 000: "Sáng 19-10" under the date line 19/10/2022
    assertThat(
            DateParser.mentioned(
                "(NSHN) - Sáng 19-10, Ban Chấp hành", PubDate.parseIso("2022-10-19")))
        .containsExactly(java.time.LocalDate.of(2022, 10, 19));
  }

  @Test
  void dayMonthWithoutPublicationYearIsLeftOut() {
    assertThat(DateParser.mentioned("Sáng 19-10, Ban Chấp hành", PubDate.NONE)).isEmpty();
  }

  @Test
  void mentionedFullDatesAreListed() {
    // resolution 60-NQ/TW
    assertThat(
            DateParser.mentioned(
                "Quy định số 232-QĐ/TW, ngày 20/01/2025 của Ban Chấp hành", PubDate.NONE))
        .containsExactly(java.time.LocalDate.of(2025, 1, 20));
  }

  @Test
  void weekdayStartingASentenceIsNoDateLine() {
    // a sentence about a day, not the line under a title
    assertThat(
            DateParser.dateLine(
                "Thứ sáu 23/6/2017, chặng đua thứ 8 của mùa giải 2017 sẽ chính thức diễn ra tại"
                    + " đường đua"))
        .isEmpty();
  }

  @Test
  void updateSentenceIsNoDateLine() {
    assertThat(
            DateParser.dateLine(
                "Bảng giá các mẫu xe cập nhật tháng 2/2017 tại các đại lý trên toàn quốc"))
        .isEmpty();
  }

  @Test
  void shortTimeAndZoneLineIsADateLine() {
    assertThat(DateParser.dateLine("13/05/2017 10:28 GMT+7").map(PubDate::iso))
        .contains("2017-05-13");
  }
}
