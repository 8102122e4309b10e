package org.vnpress.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Replaces each token by its folded key, all diacritics removed and {@code đ→d}: see {@link
 * VietnameseFolder}. Keyword tokens (document numbers, whose {@code TƯ} is already {@code tw}) pass
 * untouched, so {@code TU} and {@code TW} stay apart.
 */
public final class VietnameseFoldingFilter extends TokenFilter {
  private final VietnameseFolder folder = new VietnameseFolder();
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

  public VietnameseFoldingFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (input.incrementToken()) {
      if (!keywordAtt.isKeyword()) {
        termAtt.setLength(folder.fold(termAtt.buffer(), termAtt.length()));
      }
      return true;
    }
    return false;
  }
}
