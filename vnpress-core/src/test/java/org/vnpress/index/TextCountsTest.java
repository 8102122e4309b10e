package org.vnpress.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the language model takes from a text: syllables, breaks, sentence starts, case. */
class TextCountsTest {

  private static List<String> describe(TextCounts c) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      byte f = c.flags(i);
      out.add(
          ((f & TextCounts.BREAK_BEFORE) != 0 ? "|" : "")
              + c.form(i)
              + (c.surface(i) == null ? "" : "=" + c.surface(i))
              + ((f & TextCounts.CASE_UNKNOWN) != 0 ? "?" : ""));
    }
    return out;
  }

  @Test
  void syllablesRunsAndCase() {
    // a sentence start says nothing about case; punctuation breaks a run; numbers are one class
    TextCounts c =
        TextCounts.of(
            "", "Quận ủy Hoàng Mai họp ngày 15/3. Theo Nghị quyết 15-NQ/TW, quận ủy tổ chức");
    assertThat(describe(c))
        .containsExactly(
            "|quận=Quận?",
            "ủy",
            "hoàng=Hoàng",
            "mai=Mai",
            "họp",
            "ngày",
            "<n>",
            "|<n>",
            "|theo=Theo?",
            "nghị=Nghị",
            "quyết",
            "<n>",
            "|quận",
            "ủy",
            "tổ",
            "chức");
  }

  @Test
  void decomposedTextAndOldStyleToneKeepTheirSpelling() {
    TextCounts c = TextCounts.of("", Normalizer.normalize("ông Thuỷ nói", Normalizer.Form.NFD));
    // the key is the new-style placement; the spelling is what the text wrote (composed)
    assertThat(describe(c)).containsExactly("|ông?", "thủy=Thuỷ", "nói");
  }

  @Test
  void wordsInAllCapitalsSayNothingAboutCase() {
    TextCounts c = TextCounts.of("HỘI NGHỊ BAN CHẤP HÀNH", "UBND quận họp");
    assertThat(describe(c))
        .containsExactly(
            "|hội=HỘI?",
            "nghị=NGHỊ?",
            "ban=BAN?",
            "chấp=CHẤP?",
            "hành=HÀNH?",
            "|ubnd=UBND?",
            "quận",
            "họp");
  }
}
