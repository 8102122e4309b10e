package org.vnpress.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analyzer for Vietnamese press text, at one of two matching levels. First version: standard
 * tokenizer, lowercase, and ASCII folding for the folded key; the analysis issue replaces it.
 */
public final class VietnameseAnalyzer extends Analyzer {

  /** Which matching key the tokens carry. */
  public enum Key {
    /** Lowercase, NFC, tone placement canonical: diacritics matter. */
    EXACT,
    /** All diacritics removed and đ→d: what people type on phones. */
    FOLDED
  }

  private final Key key;
  private final boolean queryTime;

  /** The index-time analyzer for a key. */
  public VietnameseAnalyzer(Key key) {
    this(key, false);
  }

  /**
   * @param queryTime true to add query-time expansions (abbreviation synonyms)
   */
  public VietnameseAnalyzer(Key key, boolean queryTime) {
    this.key = key;
    this.queryTime = queryTime;
  }

  public Key key() {
    return key;
  }

  public boolean queryTime() {
    return queryTime;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream result = new LowerCaseFilter(source);
    if (key == Key.FOLDED) {
      result = new ASCIIFoldingFilter(result);
    }
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    TokenStream result = new LowerCaseFilter(in);
    return key == Key.FOLDED ? new ASCIIFoldingFilter(result) : result;
  }
}
