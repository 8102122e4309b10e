package org.vnpress.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Replaces each lowercase token by its exact Vietnamese key (NFC, canonical tone placement, i/y):
 * see {@link VietnameseNormalizer}. Keyword tokens (document numbers) pass untouched.
 */
public final class VietnameseNormalizationFilter extends TokenFilter {
  private final VietnameseNormalizer normalizer = new VietnameseNormalizer();
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

  public VietnameseNormalizationFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (input.incrementToken()) {
      if (!keywordAtt.isKeyword()) {
        termAtt.setLength(normalizer.normalize(termAtt.buffer(), termAtt.length()));
      }
      return true;
    }
    return false;
  }
}
