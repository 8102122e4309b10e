package org.vnpress.extract;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Detects Vietnamese text typed in the pre-Unicode font encodings TCVN3 (ABC, {@code .VnTime}
 * fonts: {@code Céng hßa X· héi}) and VNI ({@code Coäng hoøa Xaõ hoäi}) and converts it to Unicode
 * NFC. Such text arrives when a document made with those fonts is copied as Latin-1 characters.
 *
 * <ul>
 *   <li>Text with Unicode Vietnamese letters ({@code ă đ ơ ư}, U+1EA0–U+1EF9 or combining marks) in
 *       more than 0.5% of its letters is Unicode already: never converted.
 *   <li>Latin-1 letters that Unicode Vietnamese writes itself ({@code à á â ã è é ê ì í ò ó ô õ ù ú
 *       ý}) are never evidence, so {@code Toà Hong Kong xoá án} stays Unicode.
 *   <li>VNI evidence: a vowel followed by a VNI mark sign valid for it ({@code oø}=ò, {@code oä}=ộ,
 *       {@code uû}=ủ), and {@code ñ}=đ at a word start.
 *   <li>TCVN3 evidence: any other TCVN3 sign after an ASCII letter ({@code nh©n}, {@code hßa}), and
 *       the signs TCVN3 uses for its most frequent letters ({@code ©}=â, {@code ¬}=ơ, soft
 *       hyphen=ư, {@code ®}=đ, {@code µ}=à, {@code ¸}=á …) anywhere.
 *   <li>Legacy when the stronger evidence counts at least 3 hits and 5% of the words.
 * </ul>
 */
public final class LegacyEncoding {

  /** A legacy Vietnamese font encoding. */
  public enum Encoding {
    /** TCVN 5712:1993 VN3, the ABC fonts ({@code .VnTime}). */
    TCVN3,
    /** VNI Windows fonts ({@code VNI-Times}). */
    VNI
  }

  /** Text converted from a legacy encoding, and which encoding it was. */
  public record Conversion(Encoding encoding, String text) {}

  /** TCVN3 bytes 0xA1–0xFE, read as Latin-1 chars, to Unicode; 0 where unused. */
  private static final char[] TCVN3 = new char[0x100];

  /** Latin-1 letters that Unicode Vietnamese uses itself. */
  private static final String UNICODE_LATIN1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";

  /** TCVN3 signs that no ordinary Latin-1 text uses as letters. */
  private static final String TCVN3_SIGNS = "¨©ª«¬\u00AD®µ¶·¸¹»¼½¾";

  static {
    String from = "¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ";
    String to = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";
    if (from.length() != to.length()) {
      throw new AssertionError(from.length() + " != " + to.length());
    }
    for (int i = 0; i < from.length(); i++) {
      TCVN3[from.charAt(i)] = to.charAt(i);
    }
  }

  private static final int NONE = 0;
  private static final int BREVE = 1;
  private static final int CIRCUMFLEX = 2;

  /** VNI mark signs (lowercase) → modifier and tone mark (0 for none). */
  private static final String VNI_MARKS = "ùøûõïêéèúüëâáàåãä";

  private static final int[] VNI_MODIFIER = {
    NONE,
    NONE,
    NONE,
    NONE,
    NONE,
    BREVE,
    BREVE,
    BREVE,
    BREVE,
    BREVE,
    BREVE,
    CIRCUMFLEX,
    CIRCUMFLEX,
    CIRCUMFLEX,
    CIRCUMFLEX,
    CIRCUMFLEX,
    CIRCUMFLEX
  };

  private static final char[] VNI_TONE = {
    '\u0301', '\u0300', '\u0309', '\u0303', '\u0323', 0, '\u0301', '\u0300', '\u0309', '\u0303',
    '\u0323', 0, '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'
  };

  /** VNI single signs: the letter each stands for on its own. */
  private static final String VNI_SINGLE_FROM = "ñÑôÔöÖæÆóÓòÒîÎ";

  private static final String VNI_SINGLE_TO = "đĐơƠưƯỉỈĩĨịỊỵỴ";

  private LegacyEncoding() {}

  /** The legacy encoding of the text, if it is in one. */
  public static Optional<Encoding> detect(String text) {
    int letters = 0;
    int unicodeVietnamese = 0;
    int words = 0;
    int tcvn = 0;
    int vni = 0;
    boolean inWord = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean letter = Character.isLetter(c) || (c < 0x100 && TCVN3[c] != 0);
      if (letter) {
        letters++;
        if (!inWord) {
          words++;
        }
      }
      inWord = letter;
      if (isUnicodeVietnamese(c)) {
        unicodeVietnamese++;
        continue;
      }
      // letters that Unicode Vietnamese also writes in Latin-1 (à á â …) are no evidence
      if (c < 0x80 || UNICODE_LATIN1.indexOf(c) >= 0) {
        continue;
      }
      char previous = i > 0 ? text.charAt(i - 1) : ' ';
      int mark = VNI_MARKS.indexOf(Character.toLowerCase(c));
      if (mark >= 0 && vniPair(previous, c) != 0) {
        vni++;
      } else if ((c == 'ñ' || c == 'Ñ') && !Character.isLetter(previous)) {
        vni++;
      } else if (c < 0x100 && TCVN3[c] != 0 && isAsciiLetter(previous)) {
        tcvn++;
      } else if (TCVN3_SIGNS.indexOf(c) >= 0) {
        tcvn++;
      }
    }
    if (letters == 0 || unicodeVietnamese * 200 > letters) {
      return Optional.empty();
    }
    int best = Math.max(tcvn, vni);
    if (best < 3 || best * 20 < words) {
      return Optional.empty();
    }
    return Optional.of(tcvn >= vni ? Encoding.TCVN3 : Encoding.VNI);
  }

  /** The text in Unicode NFC if it was in a legacy encoding; empty if it is not. */
  public static Optional<Conversion> convertIfLegacy(String text) {
    return detect(text).map(e -> new Conversion(e, convert(text, e)));
  }

  /** Converts text known to be in {@code encoding} to Unicode NFC. */
  public static String convert(String text, Encoding encoding) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (encoding == Encoding.TCVN3) {
        out.append(c < 0x100 && TCVN3[c] != 0 ? TCVN3[c] : c);
        continue;
      }
      if (i + 1 < n) {
        char composed = vniPair(c, text.charAt(i + 1));
        if (composed != 0) {
          out.append(composed);
          i++;
          continue;
        }
      }
      int single = VNI_SINGLE_FROM.indexOf(c);
      out.append(single >= 0 ? VNI_SINGLE_TO.charAt(single) : c);
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /** [base char][mark index] → the letter VNI means, or 0; bases are Latin-1. */
  private static final char[][] VNI_PAIRS = new char[0x100][VNI_MARKS.length()];

  static {
    for (char base = 0; base < 0x100; base++) {
      for (int m = 0; m < VNI_MARKS.length(); m++) {
        VNI_PAIRS[base][m] = composeVniPair(base, VNI_MARKS.charAt(m));
      }
    }
  }

  /** The Unicode letter for a VNI base letter and a following mark sign, or 0. */
  private static char vniPair(char base, char mark) {
    if (base >= 0x100 || mark >= 0x100) {
      return 0;
    }
    int m = VNI_MARKS.indexOf(Character.toLowerCase(mark));
    return m < 0 ? 0 : VNI_PAIRS[base][m];
  }

  private static char composeVniPair(char base, char mark) {
    int m = VNI_MARKS.indexOf(Character.toLowerCase(mark));
    if (m < 0) {
      return 0;
    }
    char lower = Character.toLowerCase(base);
    boolean upper = lower != base;
    String letter;
    switch (VNI_MODIFIER[m]) {
      case BREVE:
        if (lower != 'a') {
          return 0;
        }
        letter = "ă";
        break;
      case CIRCUMFLEX:
        if (lower == 'a') {
          letter = "â";
        } else if (lower == 'e') {
          letter = "ê";
        } else if (lower == 'o') {
          letter = "ô";
        } else {
          return 0;
        }
        break;
      default:
        switch (lower) {
          case 'a', 'e', 'o', 'u', 'y' -> letter = String.valueOf(lower);
          case 'ô' -> letter = "ơ";
          case 'ö' -> letter = "ư";
          default -> {
            return 0;
          }
        }
    }
    String s = VNI_TONE[m] == 0 ? letter : letter + VNI_TONE[m];
    String nfc = Normalizer.normalize(s, Normalizer.Form.NFC);
    if (upper) {
      nfc = nfc.toUpperCase(java.util.Locale.ROOT);
    }
    return nfc.length() == 1 ? nfc.charAt(0) : 0;
  }

  private static boolean isUnicodeVietnamese(char c) {
    return (c >= '\u1EA0' && c <= '\u1EF9')
        || c == 'ă'
        || c == 'Ă'
        || c == 'đ'
        || c == 'Đ'
        || c == 'ơ'
        || c == 'Ơ'
        || c == 'ư'
        || c == 'Ư'
        || (c >= '\u0300' && c <= '\u0323');
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
