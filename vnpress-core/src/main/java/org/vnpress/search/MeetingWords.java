package org.vnpress.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vnpress.extract.VietnameseNumbers;
import org.vnpress.index.Fields;

/**
 * Reads the meeting a query names ({@code hội nghị lần thứ 16 khóa XXVI}): the session and term as
 * the meeting facets hold them, and the query text with each number also in its other spellings, so
 * that {@code lần thứ 16} finds {@code lần thứ mười sáu} and the other way round.
 */
final class MeetingWords {

  /**
   * A session: {@code lần thứ 16}, {@code lần thứ mười sáu}, {@code kỳ họp thứ 3}, {@code lần 5}.
   */
  private static final Pattern SESSION =
      Pattern.compile(
          "(?<=(?:^|\\s)(?:lần\\s+thứ|lần|thứ|lan\\s+thu|lan|thu))\\s+"
              + "(\\d{1,2}|[IVXL]{1,6}|(?:(?:mười|hai|ba|bốn|năm|sáu|bảy|tám|chín)"
              + "(?:\\s+(?:mươi|một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín))*)|nhất|tư)"
              + "(?=\\s|$|[,.;])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A term: {@code khóa XXVI}, {@code khoá 14}. */
  private static final Pattern TERM =
      Pattern.compile(
          "(?<=(?:^|\\s)(?:khóa|khoá|khoa))\\s+(\\d{1,2}|[IVXL]{1,6})(?=\\s|$|[,.;])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Words that make a query speak of a meeting at all. */
  private static final Pattern MEETING =
      Pattern.compile(
          "(?:hội\\s+nghị|kỳ\\s+họp|kì\\s+họp|phiên\\s+họp|đại\\s+hội|hoi\\s+nghi|ky\\s+hop)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** What a query says of a meeting. */
  record Read(String text, List<SearchPlan.Preference> preferences) {}

  private MeetingWords() {}

  static Read read(String q) {
    if (q == null || q.isBlank() || !MEETING.matcher(q).find()) {
      return new Read(q, List.of());
    }
    List<SearchPlan.Preference> prefer = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    Matcher m = SESSION.matcher(q);
    int last = 0;
    while (m.find()) {
      int n = number(m.group(1));
      if (n < 1 || n > 99) {
        continue;
      }
      out.append(q, last, m.start(1)).append(alternatives(m.group(1), n, true));
      last = m.end(1);
      prefer.add(new SearchPlan.Preference(Fields.SESSION, Integer.toString(n)));
    }
    out.append(q.substring(last));
    String text = out.toString();
    out = new StringBuilder();
    last = 0;
    m = TERM.matcher(text);
    while (m.find()) {
      int n = VietnameseNumbers.digitsOrRoman(m.group(1).toUpperCase(Locale.ROOT));
      if (n < 1 || n > 99) {
        continue;
      }
      out.append(text, last, m.start(1)).append(alternatives(m.group(1), n, false));
      last = m.end(1);
      prefer.add(new SearchPlan.Preference(Fields.TERM, VietnameseNumbers.toRoman(n)));
    }
    out.append(text.substring(last));
    return new Read(out.toString(), List.copyOf(prefer));
  }

  private static int number(String s) {
    int v =
        VietnameseNumbers.digitsOrRoman(
            s.toUpperCase(Locale.ROOT).equals(s) ? s : s.toLowerCase(Locale.ROOT));
    if (v > 0) {
      return v;
    }
    return VietnameseNumbers.fromWords(s.toLowerCase(Locale.ROOT).split("\\s+"));
  }

  /** {@code 16 OR "mười sáu" OR XVI}: the number as typed and its other spellings. */
  private static String alternatives(String typed, int n, boolean words) {
    List<String> forms = new ArrayList<>();
    forms.add(typed.contains(" ") ? "\"" + typed + "\"" : typed);
    String digits = Integer.toString(n);
    String roman = VietnameseNumbers.toRoman(n);
    String spelled = VietnameseNumbers.toWords(n);
    for (String f : new String[] {digits, roman, words ? spelled : null}) {
      if (f != null && !f.equalsIgnoreCase(typed)) {
        forms.add(f.contains(" ") ? "\"" + f + "\"" : f);
      }
    }
    if (words && n == 1 && !typed.equalsIgnoreCase("nhất")) {
      forms.add("nhất");
    }
    if (words && n == 4 && !typed.equalsIgnoreCase("tư")) {
      forms.add("tư");
    }
    return String.join(" OR ", forms);
  }
}
