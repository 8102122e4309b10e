package org.vnpress.analysis;

import java.text.Normalizer;

/**
 * Computes the exact matching key of a lowercase Vietnamese token in place, so that spellings that
 * differ only in Unicode form, tone-mark placement or i/y choice index to the same term. The shown
 * text is never touched: this only builds the key.
 *
 * <p>Rules, in order:
 *
 * <ul>
 *   <li>Decomposed text is composed to NFC, including a dot below typed before the circumflex
 *       ({@code e} + U+0323 + U+0302 → {@code ệ}); tokens without combining marks skip this.
 *   <li>A token is read as one syllable: initial consonants, a vowel cluster, an optional final
 *       consonant ({@code c ch m n ng nh p t}). Tokens that are not a syllable (numbers, foreign
 *       words, abbreviations) are left as they are.
 *   <li>{@code qu} and {@code gi} (before another vowel) are consonants, so {@code quý}, {@code
 *       quỳ}, {@code quỹ} and {@code giá} keep their tone where it is.
 *   <li>The tone mark moves to one canonical vowel of the cluster: the vowel with a hat, breve or
 *       horn ({@code ơ} in {@code ươ}); else the last vowel when a final consonant follows ({@code
 *       hoàng}); else the only vowel; else the first of two ({@code hòa}, {@code khỏe}, {@code
 *       thủy}, {@code ủy}: {@code hoà}, {@code khoẻ}, {@code thuỷ}, {@code uỷ} map here); else the
 *       middle of three ({@code ngoài}, {@code khuỷu}).
 *   <li>A syllable with more than one tone mark is left alone: it is a typo or not Vietnamese.
 *   <li>A lone {@code y} after a consonant becomes {@code i} ({@code kỳ/kì}, {@code lý/lí}, {@code
 *       mỹ/mĩ}, {@code ký/kí}, {@code sỹ/sĩ}); {@code quy}, {@code y} alone and {@code yêu} keep
 *       their {@code y}.
 * </ul>
 */
public final class VietnameseNormalizer {

  /** Vowels without tone, by index; {@link #BASE_OF} and {@link #TONE_OF} point into this. */
  private static final char[] VOWELS = "aăâeêioôơuưy".toCharArray();

  /** Combining tone marks by tone number 1..5: grave, hook above, tilde, acute, dot below. */
  private static final char[] TONE_MARKS = {'\u0300', '\u0309', '\u0303', '\u0301', '\u0323'};

  private static final int TABLE_SIZE = 0x1F00;

  /** For each char: index+1 into {@link #VOWELS} of its toneless vowel, or 0 if not a vowel. */
  private static final byte[] BASE_OF = new byte[TABLE_SIZE];

  /** For each vowel char: its tone 0 (none) to 5. */
  private static final byte[] TONE_OF = new byte[TABLE_SIZE];

  /** [vowel index][tone] → the composed lowercase char. */
  private static final char[][] TONED = new char[VOWELS.length][6];

  static {
    for (int v = 0; v < VOWELS.length; v++) {
      TONED[v][0] = VOWELS[v];
      BASE_OF[VOWELS[v]] = (byte) (v + 1);
      for (int t = 1; t <= 5; t++) {
        String composed =
            Normalizer.normalize(
                VOWELS[v] + String.valueOf(TONE_MARKS[t - 1]), Normalizer.Form.NFC);
        if (composed.length() != 1) {
          throw new AssertionError("no precomposed form for " + VOWELS[v] + " tone " + t);
        }
        char c = composed.charAt(0);
        TONED[v][t] = c;
        BASE_OF[c] = (byte) (v + 1);
        TONE_OF[c] = (byte) t;
      }
    }
  }

  /** Normalizes {@code s[0..len)} in place and returns the new length (never longer). */
  public int normalize(char[] s, int len) {
    len = compose(s, len);
    // the longest Vietnamese syllable has 7 letters (nghiêng)
    if (len > 7) {
      return len;
    }
    // initial consonants
    int i = 0;
    while (i < len && isInitialConsonant(s[i])) {
      i++;
    }
    if (i > 3 || i == len) {
      return len;
    }
    int initialEnd = i;
    // qu and gi are consonants when another vowel follows
    if (initialEnd == 1 && s[0] == 'q' && s[i] == 'u' && i + 1 < len && isVowel(s[i + 1])) {
      initialEnd = ++i;
    } else if (initialEnd == 1 && s[0] == 'g' && s[i] == 'i' && i + 1 < len && isVowel(s[i + 1])) {
      initialEnd = ++i;
    }
    int vowelStart = i;
    while (i < len && isVowel(s[i])) {
      i++;
    }
    int vowelEnd = i;
    int clusterLength = vowelEnd - vowelStart;
    if (clusterLength == 0 || clusterLength > 3) {
      return len;
    }
    int finalLength = len - vowelEnd;
    if (finalLength > 2) {
      return len;
    }
    for (int j = vowelEnd; j < len; j++) {
      if (!isFinalConsonant(s[j])) {
        return len;
      }
    }
    // take the tone off the cluster
    int tone = 0;
    for (int j = vowelStart; j < vowelEnd; j++) {
      int t = TONE_OF[s[j]];
      if (t != 0) {
        if (tone != 0) {
          return len;
        }
        tone = t;
        s[j] = VOWELS[BASE_OF[s[j]] - 1];
      }
    }
    // i/y: a lone y after a consonant is spelled i in the key
    if (clusterLength == 1 && finalLength == 0 && s[vowelStart] == 'y' && initialEnd > 0) {
      boolean quOrGi = s[0] == 'q' || (initialEnd == 2 && s[0] == 'g' && s[1] == 'i');
      if (!quOrGi) {
        s[vowelStart] = 'i';
      }
    }
    if (tone != 0) {
      int at = tonePosition(s, vowelStart, vowelEnd, finalLength > 0);
      s[at] = TONED[BASE_OF[s[at]] - 1][tone];
    }
    return len;
  }

  /** Where the tone goes in the toneless cluster {@code s[start..end)}. */
  private static int tonePosition(char[] s, int start, int end, boolean hasFinal) {
    for (int j = start; j < end; j++) {
      char c = s[j];
      if (c == 'ư' && j + 1 < end && s[j + 1] == 'ơ') {
        return j + 1;
      }
      if (c == 'ă' || c == 'â' || c == 'ê' || c == 'ô' || c == 'ơ' || c == 'ư') {
        return j;
      }
    }
    int n = end - start;
    if (hasFinal) {
      return end - 1;
    }
    return n == 3 ? start + 1 : start;
  }

  /** NFC when the token holds combining marks; otherwise nothing to do. */
  private static int compose(char[] s, int len) {
    for (int i = 0; i < len; i++) {
      char c = s[i];
      if (c >= '\u0300' && c <= '\u036F') {
        String nfc = Normalizer.normalize(new String(s, 0, len), Normalizer.Form.NFC);
        // NFC of Vietnamese never grows, but guard against exotic input
        if (nfc.length() > len) {
          return len;
        }
        nfc.getChars(0, nfc.length(), s, 0);
        return nfc.length();
      }
    }
    return len;
  }

  private static boolean isVowel(char c) {
    return c < TABLE_SIZE && BASE_OF[c] != 0;
  }

  private static boolean isInitialConsonant(char c) {
    switch (c) {
      case 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'x':
        return true;
      default:
        return false;
    }
  }

  private static boolean isFinalConsonant(char c) {
    switch (c) {
      case 'c', 'h', 'm', 'n', 'g', 'p', 't':
        return true;
      default:
        return false;
    }
  }
}
