package org.vnpress.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.vnpress.analysis.VietnameseFolder;

/**
 * One text run once through the exact-key chain, kept as compact arrays, and replayed as the tokens
 * of both its exact field and its folded field. The folded chain is the exact chain plus {@link
 * org.vnpress.analysis.VietnameseFoldingFilter}, so folding each kept token gives the same terms
 * and positions as analysing the text a second time, at a fraction of the cost; and the analysis
 * can run on another thread than the index writer.
 */
final class AnalyzedText {

  private char[] chars = new char[256];
  private int[] ends = new int[64]; // end of token i in chars; token i starts at ends[i - 1]
  private int[] posIncs = new int[64];
  private int[] startOffsets = new int[64];
  private int[] endOffsets = new int[64];
  private boolean[] keywords = new boolean[64];
  private int count;
  private int finalOffset;

  private AnalyzedText() {}

  /** Runs {@code text} through {@code analyzer} (as field {@code field}) and keeps its tokens. */
  static AnalyzedText of(Analyzer analyzer, String field, String text) {
    AnalyzedText t = new AnalyzedText();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        t.add(
            term.buffer(),
            term.length(),
            posInc.getPositionIncrement(),
            offset,
            keyword.isKeyword());
      }
      ts.end();
      t.finalOffset = offset.endOffset();
    } catch (IOException e) {
      // analysing a String reads no file: this cannot happen
      throw new UncheckedIOException(e);
    }
    return t;
  }

  private void add(char[] term, int length, int posInc, OffsetAttribute offset, boolean keyword) {
    int start = count == 0 ? 0 : ends[count - 1];
    if (start + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, start + length));
    }
    if (count == ends.length) {
      int n = count * 2;
      ends = Arrays.copyOf(ends, n);
      posIncs = Arrays.copyOf(posIncs, n);
      startOffsets = Arrays.copyOf(startOffsets, n);
      endOffsets = Arrays.copyOf(endOffsets, n);
      keywords = Arrays.copyOf(keywords, n);
    }
    System.arraycopy(term, 0, chars, start, length);
    ends[count] = start + length;
    posIncs[count] = posInc;
    startOffsets[count] = offset.startOffset();
    endOffsets[count] = offset.endOffset();
    keywords[count] = keyword;
    count++;
  }

  /** Number of tokens kept. */
  int size() {
    return count;
  }

  /** The kept terms' chars: token {@code i} is {@code chars()[termStart(i)..termEnd(i))}. */
  char[] chars() {
    return chars;
  }

  int termStart(int i) {
    return i == 0 ? 0 : ends[i - 1];
  }

  int termEnd(int i) {
    return ends[i];
  }

  int positionIncrement(int i) {
    return posIncs[i];
  }

  int startOffset(int i) {
    return startOffsets[i];
  }

  int endOffset(int i) {
    return endOffsets[i];
  }

  boolean keyword(int i) {
    return keywords[i];
  }

  /** The exact field's tokens. */
  TokenStream exact() {
    return new Replay(false);
  }

  /** The folded field's tokens: each kept token folded, keyword tokens as they are. */
  TokenStream folded() {
    return new Replay(true);
  }

  private final class Replay extends TokenStream {
    private final boolean fold;
    private final VietnameseFolder folder;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc =
        addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private int next;

    Replay(boolean fold) {
      this.fold = fold;
      this.folder = fold ? new VietnameseFolder() : null;
    }

    @Override
    public boolean incrementToken() {
      if (next >= count) {
        return false;
      }
      clearAttributes();
      int start = next == 0 ? 0 : ends[next - 1];
      int length = ends[next] - start;
      char[] buf = term.resizeBuffer(length);
      System.arraycopy(chars, start, buf, 0, length);
      term.setLength(fold && !keywords[next] ? folder.fold(buf, length) : length);
      posInc.setPositionIncrement(posIncs[next]);
      offset.setOffset(startOffsets[next], endOffsets[next]);
      keyword.setKeyword(keywords[next]);
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
