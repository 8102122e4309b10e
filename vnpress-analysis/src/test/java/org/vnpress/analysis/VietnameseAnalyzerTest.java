package org.vnpress.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vnpress.analysis.TokenStreamAssert.terms;
import static org.vnpress.analysis.TokenStreamAssert.tokens;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.vnpress.analysis.TokenStreamAssert.Token;
import org.vnpress.analysis.VietnameseAnalyzer.Key;
import org.vnpress.analysis.VietnameseAnalyzer.Mode;

class VietnameseAnalyzerTest {
  private static final Analyzer EXACT = new VietnameseAnalyzer(Key.EXACT);
  private static final Analyzer FOLDED = new VietnameseAnalyzer(Key.FOLDED);
  private static final Analyzer EXACT_QUERY = new VietnameseAnalyzer(Key.EXACT, Mode.QUERY);
  private static final Analyzer FOLDED_QUERY = new VietnameseAnalyzer(Key.FOLDED, Mode.QUERY);

  @AfterAll
  static void close() {
    EXACT.close();
    FOLDED.close();
    EXACT_QUERY.close();
    FOLDED_QUERY.close();
  }

  // tone placement: old-style hoà and new-style hòa share one key
  @Test
  void hoaBothWays() {
    assertThat(terms(EXACT, "hoà")).containsExactly("hòa");
    assertThat(terms(EXACT, "hòa")).containsExactly("hòa");
  }

  // tone placement: thuỷ/thủy
  @Test
  void thuyBothWays() {
    assertThat(terms(EXACT, "thuỷ")).containsExactly("thủy");
    assertThat(terms(EXACT, "thủy")).containsExactly("thủy");
  }

  // tone placement with no initial consonant: uỷ/ủy
  @Test
  void uyBothWays() {
    assertThat(terms(EXACT, "Uỷ")).containsExactly("ủy");
    assertThat(terms(EXACT, "ủy")).containsExactly("ủy");
  }

  // tone placement: khoẻ/khỏe
  @Test
  void khoeBothWays() {
    assertThat(terms(EXACT, "khoẻ")).containsExactly("khỏe");
    assertThat(terms(EXACT, "khỏe")).containsExactly("khỏe");
  }

  // tone placement: hoá/hóa
  @Test
  void hoaAcuteBothWays() {
    assertThat(terms(EXACT, "hoá")).containsExactly("hóa");
    assertThat(terms(EXACT, "hóa")).containsExactly("hóa");
  }

  // tone placement: toà/tòa
  @Test
  void toaBothWays() {
    assertThat(terms(EXACT, "toà")).containsExactly("tòa");
    assertThat(terms(EXACT, "tòa")).containsExactly("tòa");
  }

  // qu is a consonant: quý, quỳ, quỹ keep their tone and stay three different words
  @Test
  void quKeepsTone() {
    assertThat(terms(EXACT, "quý quỳ quỹ")).containsExactly("quý", "quỳ", "quỹ");
  }

  // a final consonant pulls the tone to the last vowel, whatever was typed
  @Test
  void finalConsonantTakesLastVowel() {
    assertThat(terms(EXACT, "hoàng Hòang")).containsExactly("hoàng", "hoàng");
  }

  // three-vowel clusters keep the tone in the middle
  @Test
  void threeVowelsMiddle() {
    assertThat(terms(EXACT, "ngoài ngòai khuỷu")).containsExactly("ngoài", "ngoài", "khuỷu");
  }

  // gi is a consonant before a vowel: giá keeps its tone on a
  @Test
  void giIsConsonant() {
    assertThat(terms(EXACT, "giá gìn")).containsExactly("giá", "gìn");
  }

  // i/y: kì and kỳ
  @Test
  void kiKy() {
    assertThat(terms(EXACT, "kì kỳ")).containsExactly("kì", "kì");
  }

  // i/y: lí and lý
  @Test
  void liLy() {
    assertThat(terms(EXACT, "lí lý")).containsExactly("lí", "lí");
  }

  // i/y: mĩ and mỹ
  @Test
  void miMy() {
    assertThat(terms(EXACT, "mĩ mỹ")).containsExactly("mĩ", "mĩ");
  }

  // i/y: kí and ký
  @Test
  void kiKyAcute() {
    assertThat(terms(EXACT, "kí ký")).containsExactly("kí", "kí");
  }

  // y stays y where it is not the i/y variant: quy, ý alone, yêu, tuy
  @Test
  void yKept() {
    assertThat(terms(EXACT, "quy ý yêu tuy")).containsExactly("quy", "ý", "yêu", "tuy");
  }

  // decomposed text (combining marks after the letter) equals composed text
  @Test
  void nfdEqualsNfc() {
    String nfd =
        java.text.Normalizer.normalize("Hoàng Mai tăng trưởng", java.text.Normalizer.Form.NFD);
    assertThat(terms(EXACT, nfd)).containsExactly("hoàng", "mai", "tăng", "trưởng");
  }

  // dot below typed before the circumflex composes like the reverse order
  @Test
  void dotBelowBeforeCircumflex() {
    assertThat(terms(EXACT, "Vi\u0065\u0323\u0302t vi\u0065\u0302\u0323t"))
        .containsExactly("việt", "việt");
  }

  // decomposed old-style tone: ho + a + grave
  @Test
  void nfdOldStyleTone() {
    assertThat(terms(EXACT, "hoa\u0300")).containsExactly("hòa");
  }

  // folded key: diacritics gone and đ→d
  @Test
  void foldedRemovesDiacritics() {
    assertThat(terms(FOLDED, "Đường dương đương")).containsExactly("duong", "duong", "duong");
  }

  // folded key: i/y variants still meet
  @Test
  void foldedKy() {
    assertThat(terms(FOLDED, "kỳ kì ky")).containsExactly("ki", "ki", "ki");
  }

  // folded key of decomposed text
  @Test
  void foldedNfd() {
    assertThat(terms(FOLDED, "Qua\u0302\u0323n u\u0309y")).containsExactly("quan", "uy");
  }

  // offsets point into the original text, so highlighting marks "Quận uỷ" exactly
  @Test
  void offsetsIntoOriginal() {
    String text = "Ban Thường vụ Quận uỷ họp";
    List<Token> t = tokens(FOLDED, text);
    assertThat(t.get(3).term()).isEqualTo("quan");
    assertThat(text.substring(t.get(3).start(), t.get(4).end())).isEqualTo("Quận uỷ");
  }

  // offsets of decomposed text cover the combining marks
  @Test
  void offsetsNfd() {
    String text = "qua\u0302\u0323n u\u0309y";
    List<Token> t = tokens(FOLDED, text);
    assertThat(t).containsExactly(new Token("quan", 0, 6, 1, 1), new Token("uy", 7, 10, 1, 1));
  }

  // a Party document number is one canonical token plus its parts; TƯ is written tw
  @Test
  void documentNumberTu() {
    assertThat(terms(EXACT, "Nghị quyết số 15-NQ/TƯ của"))
        .containsExactly("nghị", "quyết", "số", "15-nq/tw", "15", "nq", "tw", "của");
  }

  // the parts stack on the canonical token's positions
  @Test
  void documentNumberPositions() {
    assertThat(tokens(EXACT, "15-NQ/TW"))
        .containsExactly(
            new Token("15-nq/tw", 0, 8, 1, 3),
            new Token("15", 0, 2, 0, 1),
            new Token("nq", 3, 5, 1, 1),
            new Token("tw", 6, 8, 1, 1));
  }

  // a space after the dash is the same number
  @Test
  void documentNumberSpaceAfterDash() {
    assertThat(terms(EXACT, "15- NQ/TW")).containsExactly("15-nq/tw", "15", "nq", "tw");
  }

  // T.Ư with a dot is TW
  @Test
  void documentNumberDottedIssuer() {
    assertThat(terms(EXACT, "15-NQ/T.Ư")).containsExactly("15-nq/tw", "15", "nq", "tw");
  }

  // decomposed TƯ is TW too
  @Test
  void documentNumberDecomposed() {
    assertThat(terms(FOLDED, "15-NQ/TU\u031B")).containsExactly("15-nq/tw", "15", "nq", "tw");
  }

  // TU (a city or provincial Party committee) is never TW, even on the folded key
  @Test
  void documentNumberTuIsNotTw() {
    assertThat(terms(FOLDED, "05-Ctr/TU")).containsExactly("05-ctr/tu", "05", "ctr", "tu");
    assertThat(terms(FOLDED, "05-CTr/TU")).containsExactly("05-ctr/tu", "05", "ctr", "tu");
  }

  // QU (a district committee) and QUTW (the Central Military Commission) stay apart
  @Test
  void documentNumberQuIsNotQutw() {
    assertThat(terms(FOLDED, "01-NQ/QU 769-NQ/QUTW"))
        .containsExactly("01-nq/qu", "01", "nq", "qu", "769-nq/qutw", "769", "nq", "qutw");
  }

  // a government decree number with a year; đ kept in the exact part, folded in the canonical
  @Test
  void documentNumberDecree() {
    assertThat(terms(EXACT, "100/2019/NĐ-CP"))
        .containsExactly("100/2019/nd-cp", "100", "2019", "nđ", "cp");
    assertThat(terms(FOLDED, "100/2019/NĐ-CP"))
        .containsExactly("100/2019/nd-cp", "100", "2019", "nd", "cp");
  }

  // a Prime Minister's decision: case is fixed
  @Test
  void documentNumberDecision() {
    assertThat(terms(EXACT, "123/QĐ-TTg")).containsExactly("123/qd-ttg", "123", "qđ", "ttg");
  }

  // a Standing Committee resolution whose issuer ends in digits
  @Test
  void documentNumberUbtvqh() {
    assertThat(terms(EXACT, "1656/NQ-UBTVQH15"))
        .containsExactly("1656/nq-ubtvqh15", "1656", "nq", "ubtvqh15");
  }

  // at query time the number is one token and the next word skips the parts' positions
  @Test
  void documentNumberQueryTime() {
    assertThat(tokens(EXACT_QUERY, "số 15-NQ/TƯ của"))
        .containsExactly(
            new Token("số", 0, 2, 1, 1),
            new Token("15-nq/tw", 3, 11, 1, 1),
            new Token("của", 12, 15, 3, 1));
  }

  // dates and ranges are not document numbers
  @Test
  void datesAreNotDocumentNumbers() {
    assertThat(terms(EXACT, "19/10/2022 2020-2025 19-10"))
        .containsExactly("19", "10", "2022", "2020", "2025", "19", "10");
  }

  // a number before a Vietnamese word is not a document number
  @Test
  void numberBeforeWord() {
    assertThat(terms(FOLDED, "360 - Ngày đăng")).containsExactly("360", "ngay", "dang");
  }

  // a standalone T.Ư means the Central Committee
  @Test
  void centralCommitteeAbbreviation() {
    assertThat(terms(FOLDED, "chỉ đạo của T.Ư, TP"))
        .containsExactly("chi", "dao", "cua", "tw", "tp");
  }

  // decimal numbers stay whole
  @Test
  void decimals() {
    assertThat(terms(EXACT, "tăng 9,54% và 1.000 tỷ"))
        .containsExactly("tăng", "9,54", "và", "1.000", "tỉ");
  }

  // meaning-bearing words such as không are kept
  @Test
  void khongKept() {
    assertThat(terms(EXACT, "không để xảy ra")).containsExactly("không", "để", "xảy", "ra");
  }

  // abbreviations expand at query time: UBND also asks for Ủy ban nhân dân
  @Test
  void abbreviationExpands() {
    assertThat(terms(EXACT_QUERY, "UBND"))
        .containsExactlyInAnyOrder("ủy", "ubnd", "ban", "nhân", "dân");
  }

  // and the long form also asks for the abbreviation, on the folded key as well
  @Test
  void longFormExpands() {
    assertThat(terms(FOLDED_QUERY, "hoi dong nhan dan"))
        .containsExactlyInAnyOrder("hdnd", "hoi", "dong", "nhan", "dan");
  }

  // no synonyms at index time
  @Test
  void noSynonymsAtIndexTime() {
    assertThat(terms(EXACT, "UBND")).containsExactly("ubnd");
  }

  // prefix and wildcard terms get the same key
  @Test
  void normalizeMatchesChain() {
    assertThat(FOLDED.normalize("f", "Thuỷ").utf8ToString()).isEqualTo("thuy");
    assertThat(EXACT.normalize("f", "Thuỷ").utf8ToString()).isEqualTo("thủy");
  }
}
