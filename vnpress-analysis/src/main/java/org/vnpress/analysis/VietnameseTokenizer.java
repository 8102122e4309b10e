package org.vnpress.analysis;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeFactory;

/**
 * Splits Vietnamese text into syllables, numbers and document numbers. Offsets always point into
 * the original text, so highlighting marks what was written.
 *
 * <ul>
 *   <li>A syllable is a run of letters, digits and combining marks (decomposed text stays whole;
 *       the normalization filter composes it). It starts on a letter or digit.
 *   <li>Digits joined by {@code .} or {@code ,} are one number ({@code 9,54}, {@code 1.000}).
 *   <li>A document number ({@code 15-NQ/TƯ}, {@code 15- NQ/TW}, {@code 15-NQ/T.Ư}, {@code
 *       100/2019/NĐ-CP}, {@code 123/QĐ-TTg}, {@code 1656/NQ-UBTVQH15}) is one keyword token of type
 *       {@code <DOCNUM>} in a canonical spelling: lowercase, NFC, {@code đ→d}, an issuer {@code
 *       TƯ}, {@code T.Ư} or {@code T.W} written {@code tw} (also at the end of a longer issuer,
 *       {@code QUTƯ→qutw}), spaces around the dash removed. {@code TU} stays {@code tu}.
 *   <li>With {@code parts} on (index time), the document number's parts follow at the same
 *       positions ({@code 15 nq tw}), so {@code 15 nq tw} finds it too; the canonical token spans
 *       them ({@code PositionLengthAttribute}). Off (query time), only the canonical token is
 *       emitted and the next token skips the positions the parts would take, so phrases across a
 *       document number line up with the index.
 *   <li>A standalone {@code T.Ư} or {@code T.W} (the Central Committee) is the keyword {@code tw}.
 *   <li>Tokens longer than 255 chars are cut, like StandardTokenizer; a longer run of codes is not
 *       a document number.
 * </ul>
 */
public final class VietnameseTokenizer extends Tokenizer {

  /** The token type of a document number. */
  public static final String DOCNUM_TYPE = "<DOCNUM>";

  private static final int MAX_TOKEN_LENGTH = 255;

  private static final byte OTHER = 0;
  private static final byte LETTER_OR_DIGIT = 1;
  private static final byte MARK = 2;

  /** Character classes below U+3000 by table: the scanner's hot path avoids Character calls. */
  private static final int TABLE_SIZE = 0x3000;

  private static final byte[] CLASS = new byte[TABLE_SIZE];

  static {
    for (int c = 0; c < TABLE_SIZE; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      CLASS[c] = Character.isLetterOrDigit(c) ? LETTER_OR_DIGIT : isMarkSlow(c) ? MARK : OTHER;
    }
  }

  private final boolean parts;
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

  /** The whole input: press releases are short, and document numbers need look-ahead. */
  private char[] buf = new char[1024];

  private int length;

  /** Whether the input since the last reset() has been read into {@link #buf}. */
  private boolean filled;

  private int pos;
  private int finalOffset;

  /** Positions to add to the next token's increment (skipped document-number parts). */
  private int pendingSkip;

  /** Parts of the last document number still to emit: start, end, term. */
  private final List<Part> pending = new ArrayList<>();

  private int pendingIndex;

  private record Part(int start, int end, String term) {}

  /** A tokenizer that also emits document-number parts ({@code parts} true at index time). */
  public VietnameseTokenizer(boolean parts) {
    this.parts = parts;
  }

  public VietnameseTokenizer(AttributeFactory factory, boolean parts) {
    super(factory);
    this.parts = parts;
  }

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    if (!filled) {
      // read here, not in reset(): without reset() the input is Lucene's illegal-state reader, so a
      // consumer that forgets reset() gets an exception instead of the last text's tokens
      fill();
    }
    if (pendingIndex < pending.size()) {
      Part p = pending.get(pendingIndex);
      posIncAtt.setPositionIncrement(pendingIndex == 0 ? 0 : 1);
      pendingIndex++;
      emit(p.start, p.end, p.term, "<ALPHANUM>");
      return true;
    }
    pending.clear();
    pendingIndex = 0;
    while (pos < length) {
      char c = buf[pos];
      if (c < TABLE_SIZE) {
        if (CLASS[c] != LETTER_OR_DIGIT) {
          pos++;
          continue;
        }
      } else {
        int cp = Character.codePointAt(buf, pos, length);
        if (!Character.isLetterOrDigit(cp)) {
          pos += Character.charCount(cp);
          continue;
        }
      }
      int start = pos;
      int skip = pendingSkip;
      pendingSkip = 0;
      posIncAtt.setPositionIncrement(1 + skip);
      if (c >= '0' && c <= '9' && documentNumber(start)) {
        return true;
      }
      if ((c == 'T' || c == 't') && centralCommittee(start)) {
        return true;
      }
      int end = wordEnd(start);
      pos = end;
      String type = Character.isDigit(c) ? "<NUM>" : "<ALPHANUM>";
      termAtt.copyBuffer(buf, start, end - start);
      offsetAtt.setOffset(correctOffset(start), correctOffset(end));
      typeAtt.setType(type);
      return true;
    }
    return false;
  }

  private void emit(int start, int end, String term, String type) {
    termAtt.setEmpty().append(term);
    offsetAtt.setOffset(correctOffset(start), correctOffset(end));
    typeAtt.setType(type);
  }

  /** End of the syllable or number starting at {@code start}. */
  private int wordEnd(int start) {
    int i = start;
    int limit = Math.min(length, start + MAX_TOKEN_LENGTH);
    while (i < limit) {
      char ch = buf[i];
      if (ch < TABLE_SIZE && CLASS[ch] != OTHER) {
        i++;
        continue;
      }
      int cp = Character.codePointAt(buf, i, length);
      int n = Character.charCount(cp);
      if (Character.isLetterOrDigit(cp) || isMark(cp)) {
        if (i + n > limit) {
          break;
        }
        i += n;
      } else if ((cp == '.' || cp == ',')
          && i > start
          && isAsciiDigit(buf[i - 1])
          && i + 1 < limit
          && isAsciiDigit(buf[i + 1])) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /** Standalone {@code T.Ư} / {@code T.W}: the Central Committee. */
  private boolean centralCommittee(int start) {
    int i = start;
    if (i + 2 >= length || buf[i + 1] != '.') {
      return false;
    }
    char w = buf[i + 2];
    int end = i + 3;
    if (w == 'U' || w == 'u') {
      // decomposed Ư
      if (end < length && buf[end] == '\u031B') {
        end++;
      } else {
        return false;
      }
    } else if (w != 'Ư' && w != 'ư' && w != 'W' && w != 'w') {
      return false;
    }
    if (continuesWord(end)) {
      return false;
    }
    if (end + 1 < length
        && buf[end] == '.'
        && Character.isLetter(Character.codePointAt(buf, end + 1, length))) {
      return false;
    }
    pos = end;
    keywordAtt.setKeyword(true);
    emit(start, end, "tw", "<ALPHANUM>");
    return true;
  }

  /**
   * Reads a document number at {@code start} (a digit) and emits it; false, leaving the state
   * untouched, when the text there is not one.
   */
  private boolean documentNumber(int start) {
    // one token, so at most MAX_TOKEN_LENGTH chars; the bound also keeps the look-ahead short on
    // runs such as 1/1/1/... that turn out not to be a document number
    int limit = Math.min(length, start + MAX_TOKEN_LENGTH);
    List<int[]> segments = new ArrayList<>();
    StringBuilder separators = new StringBuilder();
    int i = digits(start, limit);
    if (i - start > 6) {
      return false;
    }
    segments.add(new int[] {start, i});
    // numbers and years before the codes: 100/2019/
    while (i + 1 < limit && buf[i] == '/' && isAsciiDigit(buf[i + 1])) {
      int e = digits(i + 1, limit);
      separators.append('/');
      segments.add(new int[] {i + 1, e});
      i = e;
    }
    int numbers = segments.size();
    // the first code may follow a dash with a space on either side: "15- NQ/TW"
    int j = i;
    if (j < length && buf[j] == ' ') {
      j++;
    }
    if (j >= length || (buf[j] != '-' && buf[j] != '/')) {
      return false;
    }
    char sep = buf[j++];
    if (j < length && buf[j] == ' ') {
      j++;
    }
    int codes = 0;
    while (true) {
      int e = codeEnd(j);
      if (e < 0) {
        break;
      }
      if (e > limit) {
        return false;
      }
      separators.append(sep);
      segments.add(new int[] {j, e});
      codes++;
      i = e;
      if (i + 1 < length && (buf[i] == '-' || buf[i] == '/') && isCodeLetter(buf[i + 1])) {
        sep = buf[i];
        j = i + 1;
      } else {
        break;
      }
    }
    if (codes < 2) {
      return false;
    }
    int end = i;
    if (continuesWord(end)) {
      return false;
    }
    StringBuilder canonical = new StringBuilder();
    List<Part> parts = new ArrayList<>();
    for (int s = 0; s < segments.size(); s++) {
      int[] seg = segments.get(s);
      String text = new String(buf, seg[0], seg[1] - seg[0]);
      String part = s < numbers ? text : canonicalCode(text);
      if (s > 0) {
        canonical.append(separators.charAt(s - 1));
      }
      canonical.append(part.replace('đ', 'd'));
      parts.add(new Part(seg[0], seg[1], part));
    }
    pos = end;
    keywordAtt.setKeyword(true);
    emit(start, end, canonical.toString(), DOCNUM_TYPE);
    if (this.parts) {
      posLenAtt.setPositionLength(parts.size());
      pending.addAll(parts);
      pendingIndex = 0;
    } else {
      pendingSkip = parts.size() - 1;
    }
    return true;
  }

  /** A code lowercased and composed, with the Central Committee issuer written {@code tw}. */
  private static String canonicalCode(String code) {
    String c = Normalizer.normalize(code, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    c = c.replace(".", "");
    if (c.endsWith("tư")) {
      c = c.substring(0, c.length() - 2) + "tw";
    }
    return c;
  }

  private int digits(int i, int limit) {
    while (i < limit && isAsciiDigit(buf[i])) {
      i++;
    }
    return i;
  }

  /** End of a code segment ({@code NQ}, {@code QĐ}, {@code T.Ư}, {@code UBTVQH15}) or -1. */
  private int codeEnd(int i) {
    if (i >= length || !isCodeLetter(buf[i])) {
      return -1;
    }
    int start = i;
    while (i < length) {
      char c = buf[i];
      if (isCodeLetter(c) || isAsciiDigit(c) || c == '\u031B') {
        i++;
      } else if (c == '.' && i + 1 < length && isCodeLetter(buf[i + 1]) && i - start == 1) {
        i++; // T.Ư, T.W
      } else {
        break;
      }
      if (i - start > 16) {
        return -1;
      }
    }
    // a Vietnamese word such as "Ngày" is not a code
    if (i < length) {
      int cp = Character.codePointAt(buf, i, length);
      if (Character.isLetter(cp) || isMark(cp)) {
        return -1;
      }
    }
    return i;
  }

  /**
   * Whether a letter, digit or combining mark starts at {@code i}, which would continue the word
   * before it; by code point, so that a letter outside the BMP counts like any other.
   */
  private boolean continuesWord(int i) {
    if (i >= length) {
      return false;
    }
    int cp = Character.codePointAt(buf, i, length);
    return Character.isLetterOrDigit(cp) || isMark(cp);
  }

  private static boolean isCodeLetter(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || c == 'Đ'
        || c == 'đ'
        || c == 'Ư'
        || c == 'ư';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isMark(int cp) {
    return cp < TABLE_SIZE ? CLASS[cp] == MARK : isMarkSlow(cp);
  }

  private static boolean isMarkSlow(int cp) {
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK
        || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  @Override
  public void end() throws IOException {
    super.end();
    // a stream ended before its first token (or whose reader failed) ends where reading stopped
    int offset = filled ? finalOffset : correctOffset(length);
    offsetAtt.setOffset(offset, offset);
    posIncAtt.setPositionIncrement(pendingSkip);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    filled = false;
    length = 0;
    pos = 0;
    pendingSkip = 0;
    pending.clear();
    pendingIndex = 0;
    finalOffset = 0;
  }

  /** Reads the whole input. */
  private void fill() throws IOException {
    while (true) {
      if (length == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      int n = input.read(buf, length, buf.length - length);
      if (n < 0) {
        break;
      }
      length += n;
    }
    filled = true;
    finalOffset = correctOffset(length);
  }

  @Override
  public void close() throws IOException {
    super.close();
    // the next text is read only after the next reset()
    filled = false;
    length = 0;
    pos = 0;
    pending.clear();
    pendingIndex = 0;
    // do not keep a large document's text alive between documents
    if (buf.length > 1 << 16) {
      buf = new char[1024];
    }
  }
}
