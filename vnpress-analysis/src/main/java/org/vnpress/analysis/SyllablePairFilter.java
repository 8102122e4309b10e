package org.vnpress.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Replaces the syllables of a stream by the pairs of neighbouring syllables ({@code hội nghị lần} →
 * {@code hội nghị}, {@code nghị lần}), each pair one term with a space inside: adjacency indexed as
 * terms, so a search asks "do these two syllables stand together?" with a term lookup (and its
 * impacts) instead of a positional phrase check. Most Vietnamese words are two syllables.
 *
 * <ul>
 *   <li>At each position the last token counts: a document number's canonical token ({@code
 *       15-nq/tw}, spanning its parts) gives way to its parts ({@code 15}, {@code nq}, {@code tw}),
 *       so pairs read the text as written.
 *   <li>A gap in positions (a removed token, a query's multi-position token) breaks the pairing.
 *   <li>A stream of one syllable gives no pair.
 * </ul>
 *
 * Each pair sits at the position of its first syllable, with the first syllable's start offset and
 * the second's end offset.
 */
public final class SyllablePairFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);

  /** The syllable of the position before {@link #cur}, if any. */
  private Syllable prev = new Syllable();

  /** The syllable of the latest position read, not yet paired with its successor. */
  private Syllable cur = new Syllable();

  /** The pair being emitted, built without a String per token. */
  private final StringBuilder pair = new StringBuilder();

  private int position;
  private int lastEmitted;
  private boolean exhausted;

  /** One position's syllable. */
  private static final class Syllable {
    final StringBuilder text = new StringBuilder();
    boolean present;
    int position;
    int start;
    int end;

    void set(CharTermAttribute term, int position, int start, int end) {
      text.setLength(0);
      text.append(term.buffer(), 0, term.length());
      this.position = position;
      this.start = start;
      this.end = end;
      present = true;
    }
  }

  public SyllablePairFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (!exhausted) {
      if (!input.incrementToken()) {
        exhausted = true;
        break;
      }
      int inc = posIncAtt.getPositionIncrement();
      position += inc;
      if (inc == 0 && cur.present) {
        // a token stacked on the latest position replaces it: the canonical document number
        // gives way to its parts, which are the text as written
        cur.set(termAtt, position, cur.start, offsetAtt.endOffset());
        continue;
      }
      // a new position closes the latest one: pair it with the one before, if adjacent
      boolean adjacent = prev.present && cur.present && cur.position == prev.position + 1;
      int pairStart = prev.start;
      int pairPosition = prev.position;
      int pairEnd = cur.end;
      if (adjacent) {
        pair.setLength(0);
        pair.append(prev.text).append(' ').append(cur.text);
      }
      if (cur.present) {
        // the latest becomes the previous; its old holder takes the new token
        Syllable t = prev;
        prev = cur;
        cur = t;
      }
      cur.set(termAtt, position, offsetAtt.startOffset(), offsetAtt.endOffset());
      if (adjacent) {
        emit(pairPosition, pairStart, pairEnd);
        return true;
      }
    }
    // the end of the stream closes the latest position
    if (prev.present && cur.present && cur.position == prev.position + 1) {
      pair.setLength(0);
      pair.append(prev.text).append(' ').append(cur.text);
      emit(prev.position, prev.start, cur.end);
      prev.present = false;
      cur.present = false;
      return true;
    }
    return false;
  }

  private void emit(int pairPosition, int start, int end) {
    clearAttributes();
    termAtt.setEmpty().append(pair);
    posIncAtt.setPositionIncrement(Math.max(1, pairPosition - lastEmitted));
    lastEmitted = pairPosition;
    posLenAtt.setPositionLength(1);
    offsetAtt.setOffset(start, end);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    prev.present = false;
    cur.present = false;
    position = -1;
    lastEmitted = -1;
    exhausted = false;
  }
}
