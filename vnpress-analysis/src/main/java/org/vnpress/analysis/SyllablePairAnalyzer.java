package org.vnpress.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;

/**
 * The folded index chain of {@link VietnameseAnalyzer} followed by {@link SyllablePairFilter}: what
 * a syllable-pair field holds, and how a query's words become pair terms (the same chain on both
 * sides, in the embedded index and in OpenSearch).
 */
public final class SyllablePairAnalyzer extends AnalyzerWrapper {

  private final Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Key.FOLDED);

  public SyllablePairAnalyzer() {
    super(Analyzer.PER_FIELD_REUSE_STRATEGY);
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    return folded;
  }

  @Override
  protected TokenStreamComponents wrapComponents(
      String fieldName, TokenStreamComponents components) {
    return new TokenStreamComponents(
        components.getSource(), new SyllablePairFilter(components.getTokenStream()));
  }
}
