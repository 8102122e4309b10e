package org.vnpress.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.vnpress.analysis.VietnameseAnalyzer.Key;
import org.vnpress.analysis.VietnameseAnalyzer.Mode;

/** {@link SyllablePairFilter} in {@link SyllablePairAnalyzer}, by SPI, and behind other chains. */
public class SyllablePairTokenStreamTest extends VietnameseTokenStreamTestCase {

  private final List<Analyzer> opened = new ArrayList<>();

  @Override
  public void tearDown() throws Exception {
    for (Analyzer a : opened) {
      a.close();
    }
    super.tearDown();
  }

  private <A extends Analyzer> A open(A a) {
    opened.add(a);
    return a;
  }

  private Analyzer spi() throws Exception {
    return open(
        CustomAnalyzer.builder()
            .withTokenizer(VietnameseTokenizerFactory.NAME)
            .addTokenFilter("lowercase")
            .addTokenFilter(VietnameseNormalizationFilterFactory.NAME)
            .addTokenFilter(VietnameseFoldingFilterFactory.NAME)
            .addTokenFilter(SyllablePairFilterFactory.NAME)
            .build());
  }

  /** The pair filter after any analyzer's chain. */
  private Analyzer pairsAfter(Analyzer inner) {
    open(inner);
    return open(
        new org.apache.lucene.analysis.AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
          @Override
          protected Analyzer getWrappedAnalyzer(String fieldName) {
            return inner;
          }

          @Override
          protected TokenStreamComponents wrapComponents(
              String fieldName, TokenStreamComponents components) {
            return new TokenStreamComponents(
                components.getSource(), new SyllablePairFilter(components.getTokenStream()));
          }
        });
  }

  private Analyzer whitespacePairs() {
    return open(
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer t = new WhitespaceTokenizer();
            return new TokenStreamComponents(t, new SyllablePairFilter(t));
          }
        });
  }

  private List<Analyzer> allChains() throws Exception {
    return List.of(
        open(new SyllablePairAnalyzer()),
        spi(),
        whitespacePairs(),
        pairsAfter(new VietnameseAnalyzer(Key.EXACT, Mode.QUERY)),
        pairsAfter(new VietnameseAnalyzer(Key.FOLDED, Mode.QUERY_WITHOUT_SYNONYMS)));
  }

  // Lucene's random strings through every pair chain
  public void testRandomStrings() throws Exception {
    for (Analyzer a : allChains()) {
      checkRandomData(random(), a, LUCENE_ITERATIONS);
    }
  }

  // Lucene's random strings with long words
  public void testRandomHugeStrings() throws Exception {
    for (Analyzer a : allChains()) {
      checkRandomData(random(), a, 10, 8192);
    }
  }

  // Vietnamese-like text, document numbers and synonym graphs included
  public void testRandomVietnamese() throws Exception {
    for (Analyzer a : allChains()) {
      checkRandomVietnamese(a, VIETNAMESE_ITERATIONS);
    }
  }

  // pairs sit at their first syllable's position and span both syllables
  public void testPairs() throws Exception {
    assertAnalyzesTo(
        open(new SyllablePairAnalyzer()),
        "Quận ủy Hoàn Kiếm",
        new String[] {"quan uy", "uy hoan", "hoan kiem"},
        new int[] {0, 5, 8},
        new int[] {7, 12, 17},
        new int[] {1, 1, 1});
  }

  // a document number pairs by its parts, which are the text as written
  public void testDocumentNumberParts() throws Exception {
    assertAnalyzesTo(
        spi(),
        "số 15-NQ/TƯ của",
        new String[] {"so 15", "15 nq", "nq tw", "tw cua"},
        new int[] {0, 3, 6, 9},
        new int[] {5, 8, 11, 15},
        new int[] {1, 1, 1, 1});
  }
}
