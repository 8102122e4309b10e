package org.vnpress.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * A small JUnit 5 stand-in for Lucene's {@code BaseTokenStreamTestCase}: exact token lists, and
 * random strings checked for sane offsets and positions.
 */
final class TokenStreamAssert {

  /** One token as the stream produced it. */
  record Token(String term, int start, int end, int posInc, int posLen) {}

  private TokenStreamAssert() {}

  static List<Token> tokens(Analyzer a, String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            new Token(
                term.toString(),
                off.startOffset(),
                off.endOffset(),
                inc.getPositionIncrement(),
                len.getPositionLength()));
      }
      ts.end();
      assertThat(off.endOffset()).as("final offset of %s", text).isEqualTo(text.length());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static List<String> terms(Analyzer a, String text) {
    return tokens(a, text).stream().map(Token::term).toList();
  }

  /** Offsets inside the input and never going backwards; positions never going backwards. */
  static void checkConsistent(Analyzer a, String text) {
    int lastStart = 0;
    int position = -1;
    boolean first = true;
    for (Token t : tokens(a, text)) {
      assertThat(t.term()).as("empty term in %s", text).isNotEmpty();
      assertThat(t.start()).as("start of %s in [%s]", t, text).isGreaterThanOrEqualTo(lastStart);
      assertThat(t.end()).as("end of %s in [%s]", t, text).isBetween(t.start(), text.length());
      assertThat(t.posInc()).as("increment of %s in [%s]", t, text).isNotNegative();
      if (first) {
        assertThat(t.posInc()).as("first increment in [%s]", text).isPositive();
      }
      assertThat(t.posLen()).as("length of %s", t).isPositive();
      position += t.posInc();
      lastStart = t.start();
      first = false;
    }
  }

  private static final String[] VIETNAMESE = {
    "Quận",
    "uỷ",
    "ủy",
    "Hoà",
    "hòa",
    "ngoài",
    "khuỷu",
    "quỹ",
    "giá",
    "kỳ",
    "15-NQ/TƯ",
    "15- NQ/TW",
    "100/2019/NĐ-CP",
    "T.Ư",
    "9,54%",
    "đường",
    "NGHIÊNG",
    "e\u0323\u0302",
    "U\u031B",
    "-",
    "/",
    ".",
    " ",
    "\n",
    "\u0301",
    "x"
  };

  /** Random Vietnamese-ish and random Unicode strings through the analyzer. */
  static void checkRandomData(Analyzer a, long seed, int iterations) {
    Random r = new Random(seed);
    for (int i = 0; i < iterations; i++) {
      StringBuilder s = new StringBuilder();
      int parts = r.nextInt(12);
      for (int p = 0; p < parts; p++) {
        switch (r.nextInt(4)) {
          case 0, 1 -> s.append(VIETNAMESE[r.nextInt(VIETNAMESE.length)]);
          case 2 -> s.append(' ');
          default -> {
            int n = r.nextInt(6);
            for (int k = 0; k < n; k++) {
              int cp = r.nextInt(4) == 0 ? r.nextInt(0x10FFFF) : r.nextInt(0x2000);
              if (Character.isDefined(cp) && !Character.isSurrogate((char) cp) || cp > 0xFFFF) {
                s.appendCodePoint(Character.isValidCodePoint(cp) ? cp : 'a');
              }
            }
          }
        }
      }
      checkConsistent(a, s.toString());
    }
  }
}
