package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reporting periods, one form per test; sentences from the seeds where they hold the form. */
class PeriodExtractorTest {

  private static final PeriodExtractor EXTRACTOR = new PeriodExtractor();
  private static final PubDate JULY_2022 = PubDate.parseIso("2022-07-26");

  @Test
  void romanQuarterWithHyphenYear() {
    // seed 000
    assertThat(EXTRACTOR.extract("giải pháp thực hiện quý IV-2022 của UBND quận", JULY_2022))
        .containsExactly("2022-Q4");
  }

  @Test
  void romanQuarterWithSlashYear() {
    // seed 002
    assertThat(EXTRACTOR.extract("nhiệm vụ trọng tâm công tác quý III/2022;", JULY_2022))
        .containsExactly("2022-Q3");
  }

  @Test
  void bareQuarterTakesThePublicationYear() {
    // seed 002
    assertThat(EXTRACTOR.extract("an ninh quý I; Phương hướng", JULY_2022))
        .containsExactly("2022-Q1");
  }

  @Test
  void bareQuarterTakesTheYearLaterInItsClause() {
    // seed 002
    assertThat(EXTRACTOR.extract("các nhiệm vụ, chỉ tiêu quý III và cả năm 2021.", JULY_2022))
        .containsExactly("2021-Q3");
  }

  @Test
  void bareQuarterWithoutAnyYearIsLeftOut() {
    assertThat(EXTRACTOR.extract("an ninh quý I; Phương hướng", PubDate.NONE)).isEmpty();
  }

  @Test
  void arabicQuarterWithNam() {
    assertThat(EXTRACTOR.extract("kết quả quý 3 năm 2025", PubDate.NONE))
        .containsExactly("2025-Q3");
  }

  @Test
  void shortQuarter() {
    assertThat(EXTRACTOR.extract("doanh thu Q3 2025 tăng", PubDate.NONE))
        .containsExactly("2025-Q3");
  }

  @Test
  void lastThreeMonthsAreNoQuarter() {
    // seed 003 has "3 tháng cuối năm 2022" and no quarter in gold.json
    assertThat(EXTRACTOR.extract("nhiệm vụ trọng tâm 3 tháng cuối năm 2022", JULY_2022)).isEmpty();
  }

  @Test
  void firstHalfYear() {
    // seed 002
    assertThat(EXTRACTOR.allPeriods("đã đạt được trong quý, 6 tháng đầu năm 2022.", JULY_2022))
        .containsExactly("2022-H1");
  }

  @Test
  void nineMonths() {
    // seed 000
    assertThat(EXTRACTOR.allPeriods("trong 9 tháng năm 2022, Quận ủy", JULY_2022))
        .containsExactly("2022-9M");
  }

  @Test
  void plannedYear() {
    // seed 001
    assertThat(
            EXTRACTOR.allPeriods(
                "phương hướng, nhiệm vụ, giải pháp trọng tâm năm 2023.", JULY_2022))
        .containsExactly("2023");
  }

  @Test
  void quartersListOnlyQuarters() {
    assertThat(EXTRACTOR.extract("6 tháng đầu năm 2022 và nhiệm vụ năm 2023", JULY_2022)).isEmpty();
  }
}
