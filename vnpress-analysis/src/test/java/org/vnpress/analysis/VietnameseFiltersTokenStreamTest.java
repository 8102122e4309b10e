package org.vnpress.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The normalization and folding filters behind other tokenizers, and every SPI factory through
 * {@link CustomAnalyzer}, under Lucene's checks: what a Solr or OpenSearch user may build.
 */
public class VietnameseFiltersTokenStreamTest extends VietnameseTokenStreamTestCase {

  private final List<Analyzer> opened = new ArrayList<>();

  @Override
  public void tearDown() throws Exception {
    for (Analyzer a : opened) {
      a.close();
    }
    super.tearDown();
  }

  private Analyzer chain(
      Supplier<Tokenizer> tokenizer, Function<TokenStream, TokenStream> filters) {
    Analyzer a =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer t = tokenizer.get();
            return new TokenStreamComponents(t, filters.apply(t));
          }

          @Override
          protected TokenStream normalize(String fieldName, TokenStream in) {
            return filters.apply(in);
          }
        };
    opened.add(a);
    return a;
  }

  private Analyzer spi(String tokenizer, String... filters) throws Exception {
    CustomAnalyzer.Builder b =
        tokenizer.equals("vietnamese-query")
            ? CustomAnalyzer.builder()
                .withTokenizer(VietnameseTokenizerFactory.NAME, "parts", "false")
            : CustomAnalyzer.builder().withTokenizer(tokenizer);
    for (String f : filters) {
      b.addTokenFilter(f);
    }
    Analyzer a = b.build();
    opened.add(a);
    return a;
  }

  /** A chain under test; {@code standard} when Lucene's StandardTokenizer is its source. */
  private record Chain(String name, Analyzer analyzer, boolean standard) {}

  /** Every chain under test. */
  private List<Chain> allChains() throws Exception {
    return List.of(
        new Chain(
            "whitespace lowercase normalization",
            chain(
                WhitespaceTokenizer::new,
                t -> new VietnameseNormalizationFilter(new LowerCaseFilter(t))),
            false),
        new Chain(
            "standard normalization",
            chain(StandardTokenizer::new, VietnameseNormalizationFilter::new),
            true),
        new Chain(
            "whitespace folding",
            chain(WhitespaceTokenizer::new, VietnameseFoldingFilter::new),
            false),
        new Chain(
            "standard lowercase normalization folding",
            chain(
                StandardTokenizer::new,
                t ->
                    new VietnameseFoldingFilter(
                        new VietnameseNormalizationFilter(new LowerCaseFilter(t)))),
            true),
        new Chain(
            "keyword lowercase normalization folding",
            chain(
                KeywordTokenizer::new,
                t ->
                    new VietnameseFoldingFilter(
                        new VietnameseNormalizationFilter(new LowerCaseFilter(t)))),
            false),
        new Chain(
            "SPI vietnamese lowercase vietnameseNormalization vietnameseFolding",
            spi(
                VietnameseTokenizerFactory.NAME,
                "lowercase",
                VietnameseNormalizationFilterFactory.NAME,
                VietnameseFoldingFilterFactory.NAME),
            false),
        new Chain(
            "SPI vietnamese(parts=false) lowercase vietnameseNormalization",
            spi("vietnamese-query", "lowercase", VietnameseNormalizationFilterFactory.NAME),
            false),
        new Chain(
            "SPI whitespace vietnameseNormalization",
            spi("whitespace", VietnameseNormalizationFilterFactory.NAME),
            false),
        new Chain(
            "SPI standard lowercase vietnameseFolding",
            spi("standard", "lowercase", VietnameseFoldingFilterFactory.NAME),
            true));
  }

  /** Runs a check on every chain, naming the chain in a failure. */
  private void forEachChain(ChainCheck check) throws Exception {
    for (Chain c : allChains()) {
      try {
        check.run(c);
      } catch (AssertionError e) {
        throw new AssertionError(c.name() + ": " + e.getMessage(), e);
      }
    }
  }

  private interface ChainCheck {
    void run(Chain c) throws Exception;
  }

  // Lucene's random strings through every chain
  public void testRandomStrings() throws Exception {
    forEachChain(c -> checkRandomData(random(), c.analyzer(), LUCENE_ITERATIONS));
  }

  // Lucene's random strings with long words (the keyword tokenizer keeps them whole)
  public void testRandomHugeStrings() throws Exception {
    forEachChain(c -> checkRandomData(random(), c.analyzer(), 10, 8192));
  }

  // Vietnamese-like text through every chain; no unpaired surrogates for StandardTokenizer, which
  // drops the whole text before a trailing one (Lucene's, not ours)
  public void testRandomVietnamese() throws Exception {
    forEachChain(
        c -> checkRandomVietnamese(c.analyzer(), VIETNAMESE_ITERATIONS / 2, !c.standard()));
  }

  // the normalization filter keeps the whitespace tokenizer's offsets and positions
  public void testNormalizationOffsets() throws Exception {
    assertAnalyzesTo(
        chain(
            WhitespaceTokenizer::new,
            t -> new VietnameseNormalizationFilter(new LowerCaseFilter(t))),
        "Hoà  thuỷ ngoài",
        new String[] {"hòa", "thủy", "ngoài"},
        new int[] {0, 5, 10},
        new int[] {3, 9, 15},
        new int[] {1, 1, 1});
  }

  // the folding filter behind the standard tokenizer, on decomposed text
  public void testFoldingDecomposed() throws Exception {
    assertAnalyzesTo(
        chain(StandardTokenizer::new, VietnameseFoldingFilter::new),
        "Đu\u031Bo\u031B\u0300ng Nguye\u0302\u0303n",
        new String[] {"Duong", "Nguyen"},
        new int[] {0, 9},
        new int[] {8, 17});
  }

  // folding keeps what is not a diacritic, U+0000 too (the table's "drop" mark was 0, so it went)
  public void testFoldingKeepsNul() throws Exception {
    assertAnalyzesTo(
        chain(WhitespaceTokenizer::new, VietnameseFoldingFilter::new),
        "a\u0000b đ\u0000\u0301",
        new String[] {"a\u0000b", "d\u0000"});
  }

  // SPI: the factories by name build the analyzer's index chain, document-number parts and all
  public void testSpiIndexChain() throws Exception {
    assertAnalyzesTo(
        spi(
            VietnameseTokenizerFactory.NAME,
            "lowercase",
            VietnameseNormalizationFilterFactory.NAME,
            VietnameseFoldingFilterFactory.NAME),
        "Quận uỷ 15-NQ/TƯ",
        new String[] {"quan", "uy", "15-nq/tw", "15", "nq", "tw"},
        new int[] {0, 5, 8, 8, 11, 14},
        new int[] {4, 7, 16, 10, 13, 16},
        new String[] {
          "<ALPHANUM>",
          "<ALPHANUM>",
          VietnameseTokenizer.DOCNUM_TYPE,
          "<ALPHANUM>",
          "<ALPHANUM>",
          "<ALPHANUM>"
        },
        new int[] {1, 1, 1, 0, 1, 1},
        new int[] {1, 1, 3, 1, 1, 1});
  }

  // SPI: parts="false" is the query tokenization
  public void testSpiQueryTokenizer() throws Exception {
    assertAnalyzesTo(
        spi("vietnamese-query", "lowercase", VietnameseNormalizationFilterFactory.NAME),
        "15-NQ/TƯ của Đảng",
        new String[] {"15-nq/tw", "của", "đảng"},
        new int[] {0, 9, 13},
        new int[] {8, 12, 17},
        new int[] {1, 3, 1});
  }

  // SPI: normalize() (prefix and wildcard terms) goes through both filters
  public void testSpiNormalize() throws Exception {
    Analyzer a =
        spi(
            VietnameseTokenizerFactory.NAME,
            "lowercase",
            VietnameseNormalizationFilterFactory.NAME,
            VietnameseFoldingFilterFactory.NAME);
    assertEquals("thuy", a.normalize("f", "Thuỷ").utf8ToString());
    Analyzer exact = spi("whitespace", "lowercase", VietnameseNormalizationFilterFactory.NAME);
    assertEquals("thủy", exact.normalize("f", "Thuỷ").utf8ToString());
  }
}
