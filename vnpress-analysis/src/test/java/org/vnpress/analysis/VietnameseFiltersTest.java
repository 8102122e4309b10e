package org.vnpress.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vnpress.analysis.TokenStreamAssert.terms;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.junit.jupiter.api.Test;

/** Each filter and the tokenizer on their own, and through their SPI factories. */
class VietnameseFiltersTest {

  private static Analyzer whitespaceThen(java.util.function.Function<TokenStream, TokenStream> f) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer t = new WhitespaceTokenizer();
        return new TokenStreamComponents(t, f.apply(t));
      }
    };
  }

  // the normalization filter alone: tone key on a whitespace-split token
  @Test
  void normalizationFilterAlone() {
    try (Analyzer a = whitespaceThen(VietnameseNormalizationFilter::new)) {
      assertThat(terms(a, "hoà thuỷ")).containsExactly("hòa", "thủy");
    }
  }

  // the normalization filter leaves keyword tokens alone
  @Test
  void normalizationRespectsKeyword() {
    CharArraySet keep = new CharArraySet(java.util.List.of("hoà"), false);
    try (Analyzer a =
        whitespaceThen(
            t -> new VietnameseNormalizationFilter(new SetKeywordMarkerFilter(t, keep)))) {
      assertThat(terms(a, "hoà toà")).containsExactly("hoà", "tòa");
    }
  }

  // the folding filter alone
  @Test
  void foldingFilterAlone() {
    try (Analyzer a = whitespaceThen(VietnameseFoldingFilter::new)) {
      assertThat(terms(a, "Đường Nguyễn")).containsExactly("Duong", "Nguyen");
    }
  }

  // the folding filter leaves keyword tokens alone
  @Test
  void foldingRespectsKeyword() {
    CharArraySet keep = new CharArraySet(java.util.List.of("tư"), false);
    try (Analyzer a =
        whitespaceThen(t -> new VietnameseFoldingFilter(new SetKeywordMarkerFilter(t, keep)))) {
      assertThat(terms(a, "tư từ")).containsExactly("tư", "tu");
    }
  }

  // the tokenizer alone keeps case and spelling; only document numbers are canonical
  @Test
  void tokenizerAlone() {
    try (Analyzer a =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new VietnameseTokenizer(true));
          }
        }) {
      assertThat(terms(a, "Quận uỷ, 15-NQ/TƯ."))
          .containsExactly("Quận", "uỷ", "15-nq/tw", "15", "nq", "tw");
    }
  }

  // SPI: the factories are found by name and build the same chain as the analyzer
  @Test
  void spiChain() throws Exception {
    try (Analyzer a =
        CustomAnalyzer.builder()
            .withTokenizer("vietnamese")
            .addTokenFilter("lowercase")
            .addTokenFilter(VietnameseNormalizationFilterFactory.NAME)
            .addTokenFilter(VietnameseFoldingFilterFactory.NAME)
            .build()) {
      assertThat(terms(a, "Quận uỷ 15-NQ/TƯ"))
          .containsExactly("quan", "uy", "15-nq/tw", "15", "nq", "tw");
    }
  }

  // SPI: the tokenizer's parts option
  @Test
  void spiTokenizerParts() throws Exception {
    try (Analyzer a =
        CustomAnalyzer.builder().withTokenizer("vietnamese", "parts", "false").build()) {
      assertThat(terms(a, "15-NQ/TƯ")).containsExactly("15-nq/tw");
    }
  }

  // SPI: unknown parameters are refused
  @Test
  void unknownParameters() {
    Map<String, String> args = new HashMap<>(Map.of("bogus", "1"));
    assertThatThrownBy(() -> TokenFilterFactory.forName("vietnameseFolding", args))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown parameters: {bogus=1}");
    Map<String, String> args2 = new HashMap<>(Map.of("bogus", "1"));
    assertThatThrownBy(() -> TokenFilterFactory.forName("vietnameseNormalization", args2))
        .hasMessage("Unknown parameters: {bogus=1}");
    Map<String, String> args3 = new HashMap<>(Map.of("bogus", "1"));
    assertThatThrownBy(() -> TokenizerFactory.forName("vietnamese", args3))
        .hasMessage("Unknown parameters: {bogus=1}");
    Map<String, String> args4 = new HashMap<>(Map.of("bogus", "1"));
    assertThatThrownBy(() -> TokenFilterFactory.forName("vietnameseSyllablePairs", args4))
        .hasMessage("Unknown parameters: {bogus=1}");
  }
}
