package org.vnpress.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Token lists for the JUnit 5 case-by-case tests. The token-stream contract, offsets, graphs and
 * random text are checked by Lucene's own {@code BaseTokenStreamTestCase} in the {@code
 * *TokenStreamTest} classes.
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
}
