package org.vnpress.extract;

import java.util.Locale;
import java.util.Map;

/**
 * Reads the numbers that name sessions and terms: digits ({@code 16}), Roman numerals ({@code
 * XXVI}) and Vietnamese number words ({@code mười sáu}, {@code hai mươi mốt}, ordinals {@code thứ
 * nhất}, {@code thứ tư}).
 */
public final class VietnameseNumbers {

  private static final Map<String, Integer> UNITS =
      Map.ofEntries(
          Map.entry("một", 1),
          Map.entry("mốt", 1),
          Map.entry("nhất", 1),
          Map.entry("hai", 2),
          Map.entry("ba", 3),
          Map.entry("bốn", 4),
          Map.entry("tư", 4),
          Map.entry("năm", 5),
          Map.entry("lăm", 5),
          Map.entry("nhăm", 5),
          Map.entry("sáu", 6),
          Map.entry("bảy", 7),
          Map.entry("bẩy", 7),
          Map.entry("tám", 8),
          Map.entry("chín", 9));

  private VietnameseNumbers() {}

  /** The longest number written in words at the start of {@code words}; null when none. */
  static Parsed words(String[] words, int from) {
    int i = from;
    int value = 0;
    int used = 0;
    Integer first = unit(words, i);
    if (first != null && i + 1 < words.length && isTen(words[i + 1], true)) {
      // hai mươi (mốt)
      value = first * 10;
      i += 2;
      Integer u = unit(words, i);
      if (u != null && !words[i].equals("nhất")) {
        value += u;
        i++;
      }
      return new Parsed(value, i - from);
    }
    if (i < words.length && isTen(words[i], false)) {
      // mười (sáu)
      value = 10;
      i++;
      Integer u = unit(words, i);
      if (u != null && !words[i].equals("nhất") && !words[i].equals("tư")) {
        value += u;
        i++;
      } else if (i < words.length && words[i].equals("tư")) {
        value += 4;
        i++;
      }
      return new Parsed(value, i - from);
    }
    if (first != null) {
      used = 1;
      return new Parsed(first, used);
    }
    return null;
  }

  private static final String[] UNIT_WORDS = {
    "", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"
  };

  /**
   * {@code 16} → {@code mười sáu}, {@code 21} → {@code hai mươi mốt}, {@code 4} → {@code bốn}: the
   * words a session number is written in (1 to 99); {@code thứ nhất} and {@code thứ tư} are the
   * ordinal forms of 1 and 4.
   */
  public static String toWords(int n) {
    if (n < 1 || n > 99) {
      throw new IllegalArgumentException("only 1 to 99: " + n);
    }
    if (n < 10) {
      return UNIT_WORDS[n];
    }
    int tens = n / 10;
    int unit = n % 10;
    String head = tens == 1 ? "mười" : UNIT_WORDS[tens] + " mươi";
    if (unit == 0) {
      return head;
    }
    String tail =
        unit == 1 && tens > 1
            ? "mốt"
            : unit == 5 ? "lăm" : unit == 4 && tens > 1 ? "tư" : UNIT_WORDS[unit];
    return head + " " + tail;
  }

  /** The number written in words at the start of {@code words}, lower case; -1 when none. */
  public static int fromWords(String[] words) {
    Parsed p = words(words, 0);
    return p == null ? -1 : p.value();
  }

  private static Integer unit(String[] words, int i) {
    return i < words.length ? UNITS.get(words[i]) : null;
  }

  private static boolean isTen(String w, boolean tens) {
    return tens ? w.equals("mươi") || w.equals("chục") : w.equals("mười");
  }

  /** A number and how many words it took. */
  record Parsed(int value, int words) {}

  /** The value of a Roman numeral of I, V, X, L, C; -1 when {@code s} is not one. */
  static int roman(String s) {
    if (s.isEmpty() || !s.matches("[IVXLC]+")) {
      return -1;
    }
    int total = 0;
    int prev = 0;
    for (int i = s.length() - 1; i >= 0; i--) {
      int v =
          switch (s.charAt(i)) {
            case 'I' -> 1;
            case 'V' -> 5;
            case 'X' -> 10;
            case 'L' -> 50;
            default -> 100;
          };
      total += v < prev ? -v : v;
      prev = Math.max(prev, v);
    }
    // only canonical numerals: "IIII" or "VX" are not numbers here
    return toRoman(total).equals(s) ? total : -1;
  }

  /** {@code 26} → {@code XXVI}. */
  public static String toRoman(int n) {
    int[] values = {100, 90, 50, 40, 10, 9, 5, 4, 1};
    String[] letters = {"C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      while (n >= values[i]) {
        sb.append(letters[i]);
        n -= values[i];
      }
    }
    return sb.toString();
  }

  /** A token as a number: digits, a Roman numeral, else -1. */
  public static int digitsOrRoman(String token) {
    if (token.matches("\\d{1,3}")) {
      return Integer.parseInt(token);
    }
    return roman(token.toUpperCase(Locale.ROOT).equals(token) ? token : "");
  }
}
