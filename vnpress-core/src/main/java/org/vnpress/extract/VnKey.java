package org.vnpress.extract;

import java.text.Normalizer;

/**
 * A matching key for Vietnamese names that ignores case and where the tone mark sits ({@code hoà}
 * and {@code hòa}, {@code uỷ} and {@code ủy} give the same key) but keeps the tone itself and the
 * vowel letters ({@code Quý} and {@code Quỳ}, {@code Hòa} and {@code Hóa} stay apart).
 *
 * <p>Each syllable becomes its lower-case letters without tone mark followed by a tone digit (1
 * sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng): {@code Hoà Bình} → {@code hoa2 binh2}. The analysis package
 * has its own normalizer for search; this one only serves the gazetteer and must not depend on it.
 */
public final class VnKey {

  /** For each char up to U+1EFF: its toneless lower-case form and its tone. */
  private static final int TABLE_SIZE = 0x1F00;

  private static final char[] BASE = new char[TABLE_SIZE];
  private static final byte[] TONE = new byte[TABLE_SIZE];

  static {
    for (int c = 0; c < TABLE_SIZE; c++) {
      String s = String.valueOf((char) c);
      String d = Normalizer.normalize(s, Normalizer.Form.NFD);
      StringBuilder rest = new StringBuilder();
      byte tone = 0;
      for (int i = 0; i < d.length(); i++) {
        char m = d.charAt(i);
        byte t = toneOf(m);
        if (t != 0) {
          tone = t;
        } else {
          rest.append(m);
        }
      }
      String base =
          Normalizer.normalize(rest, Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
      BASE[c] = base.length() == 1 ? base.charAt(0) : (char) Character.toLowerCase(c);
      TONE[c] = tone;
    }
  }

  private VnKey() {}

  private static byte toneOf(char m) {
    return switch (m) {
      case '\u0301' -> 1;
      case '\u0300' -> 2;
      case '\u0309' -> 3;
      case '\u0303' -> 4;
      case '\u0323' -> 5;
      default -> 0;
    };
  }

  /** The key of one word (no spaces inside): letters without tone, then the tone digit. */
  static String word(CharSequence s, int from, int to) {
    char[] out = new char[to - from + 1];
    int n = 0;
    byte tone = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < TABLE_SIZE) {
        byte t = TONE[c];
        if (t != 0) {
          tone = t;
        }
        // callers compose to NFC first; a combining mark left over only gives its tone
        if (c < 0x300 || c >= 0x370) {
          out[n++] = BASE[c];
        }
      } else {
        out[n++] = Character.toLowerCase(c);
      }
    }
    if (tone != 0) {
      out[n++] = (char) ('0' + tone);
    }
    return new String(out, 0, n);
  }

  /**
   * The text composed to NFC. Vietnamese text is decomposed only when it carries combining marks,
   * so a plain scan for them spares the normalizer on the usual, already composed text.
   */
  public static String nfc(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x300 && c < 0x370) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
      }
    }
    return s;
  }

  /** The key of a name of several words: word keys joined by one space; punctuation dropped. */
  public static String of(String name) {
    String s = nfc(name);
    StringBuilder out = new StringBuilder(s.length() + 4);
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && !isWordChar(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isWordChar(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(word(s, start, i));
      }
    }
    return out.toString();
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || (c >= 0x300 && c < 0x370);
  }
}
