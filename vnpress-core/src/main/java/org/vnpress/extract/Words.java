package org.vnpress.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a text for the people and meeting finders: each word with its lower-case form and
 * the punctuation between it and the word before ({@code ","}, {@code "-"}, {@code "("}, {@code
 * "\n"} for a line break, {@code ""} for spaces alone).
 */
final class Words {

  final String text;
  final int size;
  private final String[] word;
  private final String[] lower;
  private final String[] gap;
  private final int[] start;
  private final int[] end;

  private Words(String text, List<int[]> spans, List<String> gaps) {
    this.text = text;
    this.size = spans.size();
    word = new String[size];
    lower = new String[size];
    gap = new String[size + 1];
    start = new int[size];
    end = new int[size];
    for (int i = 0; i < size; i++) {
      int[] s = spans.get(i);
      start[i] = s[0];
      end[i] = s[1];
      word[i] = text.substring(s[0], s[1]);
      lower[i] = word[i].toLowerCase(Locale.ROOT).replace('ð', 'đ');
      gap[i] = gaps.get(i);
    }
    gap[size] = gaps.get(size);
  }

  static Words of(String raw) {
    String text = VnKey.nfc(raw).replace('Ð', 'Đ');
    List<int[]> spans = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    int i = 0;
    int n = text.length();
    int gapFrom = 0;
    while (true) {
      while (i < n && !VnKey.isWordChar(text.charAt(i))) {
        i++;
      }
      gaps.add(gapOf(text, gapFrom, i));
      if (i >= n) {
        break;
      }
      int from = i;
      while (i < n && VnKey.isWordChar(text.charAt(i))) {
        i++;
      }
      spans.add(new int[] {from, i});
      gapFrom = i;
    }
    return new Words(text, spans, gaps);
  }

  /**
   * The characters between two words without spaces; a line break as "\n", except a single one
   * before a lower-case word: official texts wrap their lines inside names ({@code Bộ Chính\ntrị}).
   */
  private static String gapOf(String s, int from, int to) {
    StringBuilder sb = null;
    int breaks = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        breaks++;
      }
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if ((c == '\n' || c == '\r')
          && breaks < 2
          && to < s.length()
          && Character.isLowerCase(s.charAt(to))) {
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\u200b' || c == '\u00a0') {
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(4);
      }
      if (c == '\r' || c == '\n') {
        if (sb.indexOf("\n") < 0) {
          sb.append('\n');
        }
      } else {
        sb.append(c == '–' || c == '—' ? '-' : c);
      }
    }
    return sb == null ? "" : sb.toString();
  }

  String word(int i) {
    return word[i];
  }

  String lower(int i) {
    return lower[i];
  }

  /** The punctuation before word {@code i} ({@code i == size}: after the last word). */
  String gap(int i) {
    return gap[i];
  }

  int start(int i) {
    return start[i];
  }

  int end(int i) {
    return end[i];
  }

  /** The text from word {@code from} to word {@code to} (exclusive), as written. */
  String span(int from, int to) {
    return text.substring(start[from], end[to - 1]);
  }

  /** Words {@code from..to} lower-cased and joined by single spaces. */
  String lowerJoined(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append(' ');
      }
      sb.append(lower[i]);
    }
    return sb.toString();
  }

  /** True when only spaces separate word {@code i} from the word before. */
  boolean tight(int i) {
    return gap[i].isEmpty();
  }

  /** A word that can be a syllable of a name: capital first letter, the rest lower-case letters. */
  boolean isNameWord(int i) {
    String w = word[i];
    if (!Character.isUpperCase(w.charAt(0)) || !Character.isLetter(w.charAt(0))) {
      return false;
    }
    for (int k = 1; k < w.length(); k++) {
      char c = w.charAt(k);
      if (!Character.isLetter(c) || Character.isUpperCase(c)) {
        return false;
      }
    }
    return true;
  }

  /** An abbreviation in capitals: {@code UBND}, {@code HĐND}, {@code TP}. */
  boolean isCaps(int i) {
    String w = word[i];
    if (w.length() < 2) {
      return w.length() == 1 && Character.isUpperCase(w.charAt(0));
    }
    int upper = 0;
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (Character.isUpperCase(c)) {
        upper++;
      } else if (!Character.isDigit(c) && !(k > 0 && Character.isLowerCase(c) && upper >= 2)) {
        return false;
      }
    }
    return upper >= 2;
  }

  boolean isLower(int i) {
    return Character.isLowerCase(word[i].charAt(0));
  }

  boolean isDigits(int i) {
    String w = word[i];
    for (int k = 0; k < w.length(); k++) {
      if (!Character.isDigit(w.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A name in canonical form: NFC, each syllable capitalised and the rest lower case, the tone of
   * {@code oa}, {@code oe}, {@code uy} on the first vowel ({@code Hòa}, {@code Thủy}), single
   * spaces.
   */
  static String canonicalName(String name) {
    StringBuilder sb = new StringBuilder();
    for (String syllable : VnKey.nfc(name).trim().split("[\\s]+")) {
      if (syllable.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      String s = tonePlaced(syllable.toLowerCase(Locale.ROOT));
      sb.append(Character.toUpperCase(s.charAt(0))).append(s, 1, s.length());
    }
    return sb.toString();
  }

  /** {@code hoà} → {@code hòa}, {@code thuỷ} → {@code thủy}, {@code khoẻ} → {@code khỏe}. */
  static String tonePlaced(String syllable) {
    String d = Normalizer.normalize(syllable, Normalizer.Form.NFD);
    char tone = 0;
    StringBuilder bare = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323') {
        tone = c;
      } else {
        bare.append(c);
      }
    }
    if (tone == 0) {
      return syllable;
    }
    String b = Normalizer.normalize(bare, Normalizer.Form.NFC);
    int at = -1;
    // the open clusters oa, oe, uy (not after q or gi) carry the tone on their first vowel
    if (b.length() >= 2
        && (b.endsWith("oa") || b.endsWith("oe") || b.endsWith("uy"))
        && !b.startsWith("qu")
        && !(b.startsWith("gi") && b.length() == 3)) {
      int first = b.length() - 2;
      if (first == 0 || !isVowel(b.charAt(first - 1))) {
        at = first;
      }
    }
    if (at < 0) {
      return syllable;
    }
    String toned =
        Normalizer.normalize(b.substring(at, at + 1) + tone, Normalizer.Form.NFC)
            + b.substring(at + 1);
    return b.substring(0, at) + toned;
  }

  /** Initial consonants of Vietnamese syllables, longest first. */
  private static final String[] INITIALS = {
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h", "k",
    "l", "m", "n", "p", "r", "s", "t", "v", "x", ""
  };

  private static final java.util.Set<String> FINALS =
      java.util.Set.of("", "c", "ch", "m", "n", "ng", "nh", "p", "t");

  /**
   * Whether a lower-case word can be one Vietnamese syllable: an initial consonant, one to three
   * vowels, a final consonant ({@code nguyễn}, {@code khuê}); {@code esteban}, {@code ward}, {@code
   * kishida} cannot.
   */
  static boolean isVietnameseSyllable(String lower) {
    String s = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    s = s.replace('đ', 'd');
    for (String init : INITIALS) {
      if (!s.startsWith(init)) {
        continue;
      }
      String rest = s.substring(init.length());
      int v = 0;
      while (v < rest.length() && "aeiouy".indexOf(rest.charAt(v)) >= 0) {
        v++;
      }
      if (v >= 1 && v <= 3 && FINALS.contains(rest.substring(v))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isVowel(char c) {
    return "aăâeêioôơuưy".indexOf(c) >= 0;
  }
}
