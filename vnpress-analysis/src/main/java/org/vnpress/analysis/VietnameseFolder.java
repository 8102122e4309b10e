package org.vnpress.analysis;

import java.text.Normalizer;

/**
 * Removes every Vietnamese diacritic from a token in place ({@code đường} → {@code duong}, {@code
 * Đ} → {@code D}), through one lookup table built from Unicode decompositions, so the folded key is
 * what people type on a phone without accents.
 *
 * <ul>
 *   <li>A letter whose canonical decomposition starts with an ASCII letter becomes that letter (all
 *       Latin letters with diacritics up to U+1EFF, which covers Vietnamese).
 *   <li>{@code đ} and {@code Đ}, which have no decomposition, become {@code d} and {@code D}.
 *   <li>Combining marks U+0300–U+036F left by decomposed input are dropped.
 *   <li>Everything else is kept.
 * </ul>
 */
public final class VietnameseFolder {

  private static final int TABLE_SIZE = 0x1F00;

  /** Replacement per char; {@link #DROP} means drop the char. */
  private static final char[] FOLD = new char[TABLE_SIZE];

  /** A noncharacter, never a replacement: marks the combining marks to drop. */
  private static final char DROP = '\uFFFF';

  static {
    for (int c = 0; c < TABLE_SIZE; c++) {
      FOLD[c] = (char) c;
      if (c >= 0xC0) {
        String d = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
        char first = d.charAt(0);
        if (d.length() > 1 && first < 0x80 && Character.isLetter(first)) {
          FOLD[c] = first;
        }
      }
    }
    FOLD['đ'] = 'd';
    FOLD['Đ'] = 'D';
    for (int c = 0x300; c <= 0x36F; c++) {
      FOLD[c] = DROP;
    }
  }

  /** Folds {@code s[0..len)} in place and returns the new length (never longer). */
  public int fold(char[] s, int len) {
    int out = 0;
    for (int i = 0; i < len; i++) {
      char c = s[i];
      if (c < TABLE_SIZE) {
        c = FOLD[c];
        if (c == DROP) {
          continue;
        }
      }
      s[out++] = c;
    }
    return out;
  }

  /** The folded form of a whole string (for callers outside a token stream). */
  public String fold(String text) {
    char[] s = text.toCharArray();
    return new String(s, 0, fold(s, s.length));
  }
}
