package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Session and term numbers in words, digits and Roman numerals. */
class VietnameseNumbersTest {

  private static int words(String s) {
    return VietnameseNumbers.fromWords(s.split(" "));
  }

  @Test
  void numberWords() {
    assertThat(words("mười sáu")).isEqualTo(16);
    assertThat(words("hai mươi mốt")).isEqualTo(21);
    assertThat(words("mười lăm")).isEqualTo(15);
    assertThat(words("ba")).isEqualTo(3);
    // ordinals: thứ nhất, thứ tư
    assertThat(words("nhất")).isEqualTo(1);
    assertThat(words("tư")).isEqualTo(4);
    assertThat(words("mười hai Ban")).isEqualTo(12);
    assertThat(words("Ban")).isEqualTo(-1);
  }

  @Test
  void wordsBackFromNumbers() {
    assertThat(VietnameseNumbers.toWords(16)).isEqualTo("mười sáu");
    assertThat(VietnameseNumbers.toWords(21)).isEqualTo("hai mươi mốt");
    assertThat(VietnameseNumbers.toWords(25)).isEqualTo("hai mươi lăm");
    for (int n = 1; n < 100; n++) {
      assertThat(words(VietnameseNumbers.toWords(n))).as("%d", n).isEqualTo(n);
    }
  }

  @Test
  void romanNumerals() {
    assertThat(VietnameseNumbers.digitsOrRoman("XXVI")).isEqualTo(26);
    assertThat(VietnameseNumbers.digitsOrRoman("XIV")).isEqualTo(14);
    assertThat(VietnameseNumbers.toRoman(26)).isEqualTo("XXVI");
    // not canonical, not a numeral, not capitals
    assertThat(VietnameseNumbers.digitsOrRoman("IIII")).isEqualTo(-1);
    assertThat(VietnameseNumbers.digitsOrRoman("XV1")).isEqualTo(-1);
    assertThat(VietnameseNumbers.digitsOrRoman("16")).isEqualTo(16);
  }
}
