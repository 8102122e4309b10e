package org.vnpress.extract;

/** The words of a text with what separates them, in parallel arrays; keys made on demand. */
final class Tokens {
  static final byte GAP_SPACE = 0;
  static final byte GAP_HYPHEN = 1;
  static final byte GAP_COMMA = 2;
  static final byte GAP_DOT = 3;
  static final byte GAP_OTHER = 4;

  private final String text;
  int size;
  int[] start;
  int[] end;
  private String[] keys;
  boolean[] cap;
  boolean[] num;

  /** What stands between the previous word and this one. */
  byte[] gap;

  private Tokens(String text) {
    this.text = text;
    int n = Math.max(16, text.length() / 4);
    start = new int[n];
    end = new int[n];
    keys = new String[n];
    cap = new boolean[n];
    num = new boolean[n];
    gap = new byte[n];
  }

  static Tokens of(String s) {
    Tokens t = new Tokens(s);
    int i = 0;
    int n = s.length();
    int gapFrom = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (!VnKey.isWordChar(c)) {
        i++;
        continue;
      }
      int from = i;
      boolean digits = true;
      while (i < n && VnKey.isWordChar(s.charAt(i))) {
        digits &= s.charAt(i) <= '9' && s.charAt(i) >= '0';
        i++;
      }
      t.add(
          from,
          i,
          Character.isUpperCase(c),
          digits,
          t.size == 0 ? GAP_OTHER : gapKind(s, gapFrom, from));
      gapFrom = i;
    }
    return t;
  }

  /** Classifies the characters between two words. */
  private static byte gapKind(String s, int from, int to) {
    if (to - from == 1 && s.charAt(from) == ' ') {
      return GAP_SPACE;
    }
    int newlines = 0;
    int commas = 0;
    int hyphens = 0;
    int dots = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case ' ', '\t', '\u200b' -> {}
        case '\n' -> newlines++;
        case ',', ';' -> commas++;
        case '-', '–' -> hyphens++;
        case '.' -> dots++;
        default -> {
          return GAP_OTHER;
        }
      }
    }
    if (commas > 0) {
      return dots == 0 && hyphens == 0 ? GAP_COMMA : GAP_OTHER;
    }
    if (dots > 0) {
      // "Q.Hai Bà Trưng", "TP. Hạ Long": a dot right after the word, no line break
      return dots == 1 && hyphens == 0 && newlines == 0 && s.charAt(from) == '.'
          ? GAP_DOT
          : GAP_OTHER;
    }
    if (hyphens > 0) {
      return hyphens == 1 && newlines == 0 ? GAP_HYPHEN : GAP_OTHER;
    }
    // line breaks inside a name are wrapped lines ("huyện Hoàng\nSa"); the raw-text parser may
    // have made each wrapped line a paragraph, so blank lines are no stronger a break
    return GAP_SPACE;
  }

  private void add(int from, int to, boolean upper, boolean digits, byte g) {
    if (size == start.length) {
      int m = size * 2;
      start = java.util.Arrays.copyOf(start, m);
      end = java.util.Arrays.copyOf(end, m);
      keys = java.util.Arrays.copyOf(keys, m);
      cap = java.util.Arrays.copyOf(cap, m);
      num = java.util.Arrays.copyOf(num, m);
      gap = java.util.Arrays.copyOf(gap, m);
    }
    start[size] = from;
    end[size] = to;
    cap[size] = upper;
    num[size] = digits;
    gap[size] = g;
    size++;
  }

  /** Whether word {@code i} is {@code lower} in any case (for words with one tone spelling). */
  boolean is(int i, String lower) {
    int from = start[i];
    int len = end[i] - from;
    if (len != lower.length()) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      char c = text.charAt(from + k);
      if (c != lower.charAt(k) && Character.toLowerCase(c) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether word {@code i} has no lower-case letter ({@code UBND}, {@code TAND}). */
  boolean isAllCaps(int i) {
    for (int k = start[i]; k < end[i]; k++) {
      if (Character.isLowerCase(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** {@code ủy} or {@code uỷ}, the one unit word with two tone placements. */
  boolean isUy(int i) {
    return is(i, "ủy") || is(i, "uỷ");
  }

  String key(int i) {
    String k = keys[i];
    if (k == null) {
      k = VnKey.word(text, start[i], end[i]);
      keys[i] = k;
    }
    return k;
  }

  /** Cheap pre-check: unit words start with q, h, t, p, x or đ and are short. */
  boolean mayTrigger(int i) {
    int len = end[i] - start[i];
    if (len > 6) {
      return false;
    }
    char c = Character.toLowerCase(text.charAt(start[i]));
    return c == 'q' || c == 'h' || c == 't' || c == 'p' || c == 'x' || c == 'đ';
  }

  boolean spaceBefore(int i) {
    return gap[i] == GAP_SPACE;
  }

  /** Whether word {@code i} continues the name before it (space or hyphen between). */
  boolean joins(int i) {
    return gap[i] == GAP_SPACE || gap[i] == GAP_HYPHEN;
  }

  String joinedKey(int from, int to) {
    if (to - from == 1) {
      return key(from);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append(' ');
      }
      sb.append(key(i));
    }
    return sb.toString();
  }
}
