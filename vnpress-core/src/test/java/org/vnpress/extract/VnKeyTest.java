package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** The tone-placement key that gazetteer names are matched on. */
class VnKeyTest {

  @Test
  void oldAndNewTonePlacementShareAKey() {
    assertThat(VnKey.of("Yên Hoà")).isEqualTo(VnKey.of("Yên Hòa"));
  }

  @Test
  void uyTonePlacementShareAKey() {
    assertThat(VnKey.of("Quận uỷ")).isEqualTo(VnKey.of("Quận ủy"));
  }

  @Test
  void differentTonesStayApart() {
    assertThat(VnKey.of("Hòa")).isNotEqualTo(VnKey.of("Hóa"));
  }

  @Test
  void quyAndQuyWithOtherToneStayApart() {
    assertThat(VnKey.of("Quý")).isNotEqualTo(VnKey.of("Quỳ"));
  }

  @Test
  void vowelQualityStays() {
    assertThat(VnKey.of("Đắk")).isNotEqualTo(VnKey.of("Đăk"));
  }

  @Test
  void decomposedTextSharesTheKey() {
    assertThat(VnKey.of(Normalizer.normalize("Hai Bà Trưng", Normalizer.Form.NFD)))
        .isEqualTo(VnKey.of("Hai Bà Trưng"));
  }

  @Test
  void caseAndPunctuationDoNotMatter() {
    assertThat(VnKey.of("THỪA THIÊN - HUẾ")).isEqualTo(VnKey.of("Thừa Thiên Huế"));
  }
}
