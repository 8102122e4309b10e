package org.vnpress.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.junit.jupiter.api.Test;

/** Syllable pairs: the adjacency of neighbouring syllables as terms. */
class SyllablePairFilterTest {

  /** The folded index chain followed by the pair filter, as the pair fields are analysed. */
  private static final Analyzer PAIRS =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          Tokenizer t = new VietnameseTokenizer(true);
          TokenStream s = new LowerCaseFilter(t);
          s = new VietnameseNormalizationFilter(s);
          s = new VietnameseFoldingFilter(s);
          return new TokenStreamComponents(t, new SyllablePairFilter(s));
        }
      };

  // neighbouring syllables become one term each, folded
  @Test
  void neighboursBecomePairs() {
    assertThat(TokenStreamAssert.terms(PAIRS, "Hội nghị Ban Chấp hành"))
        .containsExactly("hoi nghi", "nghi ban", "ban chap", "chap hanh");
  }

  // a document number pairs by its parts, as written, and with its neighbours
  @Test
  void documentNumberPairsByItsParts() {
    assertThat(TokenStreamAssert.terms(PAIRS, "Nghị quyết số 15-NQ/TƯ của"))
        .containsExactly("nghi quyet", "quyet so", "so 15", "15 nq", "nq tw", "tw cua");
  }

  // one syllable makes no pair; nothing makes nothing
  @Test
  void oneSyllableMakesNoPair() {
    assertThat(TokenStreamAssert.terms(PAIRS, "Quận")).isEmpty();
    assertThat(TokenStreamAssert.terms(PAIRS, "")).isEmpty();
  }

  // each pair starts where its first syllable starts and ends where its second ends
  @Test
  void offsetsSpanBothSyllables() {
    var tokens = TokenStreamAssert.tokens(PAIRS, "Quận ủy Hoàn Kiếm");
    assertThat(tokens)
        .extracting(
            TokenStreamAssert.Token::term,
            TokenStreamAssert.Token::start,
            TokenStreamAssert.Token::end)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("quan uy", 0, 7),
            org.assertj.core.groups.Tuple.tuple("uy hoan", 5, 12),
            org.assertj.core.groups.Tuple.tuple("hoan kiem", 8, 17));
    assertThat(tokens).allMatch(t -> t.posInc() == 1 && t.posLen() == 1);
  }

  // the stream can be reused: the second text does not see the first one's last syllable
  @Test
  void reuseStartsAfresh() {
    assertThat(TokenStreamAssert.terms(PAIRS, "Hai Bà Trưng"))
        .containsExactly("hai ba", "ba trung");
    assertThat(TokenStreamAssert.terms(PAIRS, "Gia Lâm")).containsExactly("gia lam");
  }
}
