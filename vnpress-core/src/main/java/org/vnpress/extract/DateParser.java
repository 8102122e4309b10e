package org.vnpress.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads publication dates from the date lines that news pages print, in every format seen in the
 * seeds: {@code Ngày đăng : 11:27, 19/10/2022}, {@code Hiền Thu| 30/12/2022 12:26}, {@code Thứ 3,
 * 26/07/2022 | 17:11}, and the {@code date 2022-10} marker.
 *
 * <p>Day forms: {@code 12/01/2026}, {@code 12-01-2026}, {@code 12.01.2026}, the Party style {@code
 * 01-10-1997}, ISO {@code 2026-01-12} and {@code ngày 12 tháng 01 năm 2026}. Month forms: {@code
 * tháng 10/2022}, {@code tháng 10 năm 2022}, {@code date 2022-10}. Only a date line or marker
 * becomes a publication date; dates in sentences are what the text talks about.
 */
public final class DateParser {

  /** {@code 19/10/2022}, {@code 19-10-2022}, {@code 19.10.2022}. */
  private static final Pattern DMY =
      Pattern.compile(
          "(?<![\\d/.-])(\\d{1,2})[/.-](\\d{1,2})[/.-]((?:19|20)\\d{2})(?![\\d/.-]*\\d)");

  /** {@code 2022-10-19}. */
  private static final Pattern ISO_DAY =
      Pattern.compile("(?<![\\d/-])((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?![\\d/-])");

  /** {@code ngày 12 tháng 01 năm 2026}. */
  private static final Pattern WORDS =
      Pattern.compile(
          "ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+((?:19|20)\\d{2})",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** {@code tháng 10/2022}, {@code tháng 10-2022}, {@code tháng 10 năm 2022}. */
  private static final Pattern MONTH =
      Pattern.compile(
          "(?<!\\p{L})tháng\\s+(\\d{1,2})(?:\\s*[/.-]\\s*|\\s+năm\\s+)((?:19|20)\\d{2})(?![\\d/.-]*\\d)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The {@code date 2022-10} marker some scrapes put before the text. */
  private static final Pattern MARKER =
      Pattern.compile("^\\s*date\\s+((?:19|20)\\d{2})(?:-(\\d{1,2}))?(?:-(\\d{1,2}))?(?=\\s|$)");

  /** A line that is a date line: short, and made of a date plus time, weekday or byline. */
  private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}:\\d{2}\\b");

  private static final Pattern WEEKDAY =
      Pattern.compile(
          "^(thứ\\s*(hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private DateParser() {}

  /** The marker at the very start of a text ({@code " date 2022-10 Tại hội nghị…"}). */
  public static Optional<Marker> marker(String text) {
    Matcher m = MARKER.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(1));
    PubDate date;
    try {
      if (m.group(2) == null) {
        date = PubDate.ofYear(year);
      } else if (m.group(3) == null) {
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
          return Optional.empty();
        }
        date = PubDate.ofMonth(year, month);
      } else {
        date =
            PubDate.of(
                LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return Optional.of(new Marker(date, m.end()));
  }

  /** A date marker and where the text after it starts. */
  public record Marker(PubDate date, int end) {}

  /** Labels of a date line: {@code Ngày đăng}, {@code Cập nhật}, {@code Publish date}, … */
  private static final Pattern LABEL =
      Pattern.compile(
          "(ngày đăng|đăng ngày|đăng lúc|ngày cập nhật|cập nhật|thời gian đăng|ngày xuất bản|ngày"
              + "|publish(?:ed)?(?:\\s+(?:date|on|at))?|posted(?:\\s+(?:on|at))?|date|updated?|last"
              + " updated|lượt xem|view count|views?)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Icon labels that saved pages glue to a date: {@code Clock12/06/2020}. */
  private static final Pattern ICON =
      Pattern.compile(
          "^(?:clock|calendar|icon[-_ ]?\\w*|time|lịch|đồng hồ)\\s*:?\\s*(?=\\d)",
          Pattern.CASE_INSENSITIVE);

  /** {@code Hải Phòng, ngày 17 tháng 02 năm 2020}: a place, a comma, a date in words. */
  private static final Pattern PLACE_DATE =
      Pattern.compile(
          "^(?:số:?\\s*\\S+\\s+)?\\p{Lu}[\\p{L}\\p{M}.]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}.]*){0,3},\\s*ngày\\s+\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+(?:19|20)\\d{2}\\s*\\.?$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * The date of a line if the whole line is a date line (a date with a time, weekday, byline or
   * label such as {@code Ngày đăng}, {@code Cập nhật}, {@code Publish date}, and little else);
   * empty for sentences that merely mention a date. Forms: {@code Ngày đăng 10/07/2020 | 14:38 |
   * Lượt xem: 1099}, {@code Thứ ba, 12/03/2024 - 10:15}, {@code 12-03-2024}, {@code 11/07/2020 -
   * 04:39 PM}, {@code (10:15 | 12/03/2024)}, {@code Minh Anh - 12/03/2024 10:15}, {@code Cập nhật
   * ngày 13 tháng 4 năm 2021}, {@code Clock12/06/2020}, {@code Hải Phòng, ngày 17 tháng 02 năm
   * 2020}. A day and month without a year ({@code 22.10}) is no date.
   */
  public static Optional<PubDate> dateLine(String line) {
    String t = ICON.matcher(line.strip()).replaceFirst("");
    if (t.isEmpty() || t.length() > 120) {
      return Optional.empty();
    }
    Optional<PubDate> date = firstDate(t);
    if (date.isEmpty()) {
      // a date line may give only the month: "Cập nhật: tháng 10/2022"
      date = firstMonth(t);
    }
    if (date.isEmpty()) {
      return date;
    }
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    // the seeds' bylines: "Hà Nội 360 - Ngày đăng : 11:27, 19/10/2022", "Hiền Thu| 30/12/2022
    // 12:26"
    boolean byline = lower.contains("ngày đăng") || t.contains("|");
    boolean labelled =
        TIME.matcher(t).find() || WEEKDAY.matcher(lower).find() || LABEL.matcher(lower).find();
    // a bare date alone on its line is a date line too, and so is a place-and-date header
    if (byline || isDateOnly(t) || PLACE_DATE.matcher(t).matches()) {
      return date;
    }
    // a time, weekday or label marks a date line only when little else is on the line:
    // "Thứ sáu 23/6/2017, chặng đua thứ 8 … sẽ diễn ra" is a sentence about that day
    return labelled && words(t) <= 6 && !t.endsWith(".") ? date : Optional.empty();
  }

  /**
   * Whether a line is only a date, perhaps with a time, a weekday, brackets or an icon label:
   * {@code 12/06/2020}, {@code (08:30 12/06/2020)}, {@code Thứ Tư, 12/06/2020}.
   */
  public static boolean isDateOnly(String line) {
    String t = ICON.matcher(line.strip()).replaceFirst("");
    if (firstDate(t).isEmpty()) {
      return false;
    }
    String rest = WEEKDAY_ANYWHERE.matcher(t).replaceAll(" ");
    rest = rest.replaceAll("(?i)\\b(am|pm|sa|ch)\\b", " ");
    return rest.replaceAll("[\\d/.:,|()\\-–\\s]", "").isEmpty();
  }

  /** Whether a line is a place-and-date header ({@code Hải Phòng, ngày 17 tháng 02 năm 2020}). */
  public static boolean isPlaceDateHeader(String line) {
    return PLACE_DATE.matcher(line.strip()).matches();
  }

  /** Words left on a line once dates, times and date words are taken out. */
  private static int words(String line) {
    String rest =
        WEEKDAY_ANYWHERE
            .matcher(
                MONTH
                    .matcher(
                        WORDS
                            .matcher(
                                DMY.matcher(ISO_DAY.matcher(line).replaceAll(" ")).replaceAll(" "))
                            .replaceAll(" "))
                    .replaceAll(" "))
            .replaceAll(" ");
    int n = 0;
    Matcher w = WORD.matcher(rest);
    while (w.find()) {
      n++;
    }
    return n;
  }

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");

  private static final Pattern WEEKDAY_ANYWHERE =
      Pattern.compile(
          "(thứ\\s*(hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật|cập nhật|gmt|ngày|lúc)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The first full date in a piece of text, in any supported format. */
  public static Optional<PubDate> firstDate(String t) {
    Optional<PubDate> best = Optional.empty();
    int bestAt = Integer.MAX_VALUE;
    Matcher m = DMY.matcher(t);
    if (m.find()) {
      Optional<PubDate> d = day(m.group(3), m.group(2), m.group(1));
      if (d.isPresent()) {
        best = d;
        bestAt = m.start();
      }
    }
    m = ISO_DAY.matcher(t);
    if (m.find() && m.start() < bestAt) {
      Optional<PubDate> d = day(m.group(1), m.group(2), m.group(3));
      if (d.isPresent()) {
        best = d;
        bestAt = m.start();
      }
    }
    m = WORDS.matcher(t);
    if (m.find() && m.start() < bestAt) {
      Optional<PubDate> d = day(m.group(3), m.group(2), m.group(1));
      if (d.isPresent()) {
        best = d;
      }
    }
    return best;
  }

  /** The first month-only date ({@code tháng 10/2022}) in a piece of text. */
  public static Optional<PubDate> firstMonth(String t) {
    Matcher m = MONTH.matcher(t);
    while (m.find()) {
      int month = Integer.parseInt(m.group(1));
      if (month >= 1 && month <= 12) {
        return Optional.of(PubDate.ofMonth(Integer.parseInt(m.group(2)), month));
      }
    }
    return Optional.empty();
  }

  /**
   * One date written on its own, in any supported form, as precise as written: a day, a month, or
   * an ISO {@code 2022-10} / {@code 2022}. Empty when the text is not just a date.
   */
  public static Optional<PubDate> parse(String s) {
    String t = s.strip();
    if (t.matches("(?:19|20)\\d{2}(?:-\\d{2}){0,2}")) {
      try {
        return Optional.of(PubDate.parseIso(t));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    Optional<PubDate> d = firstDate(t);
    return d.isPresent() ? d : firstMonth(t);
  }

  /** {@code Sáng 19-10}, {@code ngày 7/6}: a day and month, the year left to the date line. */
  private static final Pattern DAY_MONTH =
      Pattern.compile(
          "(?<!\\p{L})(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)\\s+(?:nay\\s+|qua\\s+)?\\(?(\\d{1,2})[/.-](\\d{1,2})(?![\\d/.-]*\\d)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * The dates a text talks about, in order: full dates as written, and day-month dates ({@code Sáng
   * 19-10}) in the year of the publication date, left out when that year is unknown. These are
   * never publication dates.
   */
  public static java.util.List<LocalDate> mentioned(String text, PubDate published) {
    java.util.TreeMap<Integer, LocalDate> found = new java.util.TreeMap<>();
    for (Pattern p : new Pattern[] {DMY, ISO_DAY, WORDS}) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        Optional<PubDate> d =
            p == ISO_DAY
                ? day(m.group(1), m.group(2), m.group(3))
                : day(m.group(3), m.group(2), m.group(1));
        d.ifPresent(v -> found.putIfAbsent(m.start(), v.firstDay()));
      }
    }
    if (published != null && published.isKnown()) {
      Matcher m = DAY_MONTH.matcher(text);
      while (m.find()) {
        int at = m.start(1);
        day(Integer.toString(published.year()), m.group(2), m.group(1))
            .ifPresent(v -> found.putIfAbsent(at, v.firstDay()));
      }
    }
    return java.util.List.copyOf(found.values());
  }

  private static Optional<PubDate> day(String y, String mo, String d) {
    try {
      return Optional.of(
          PubDate.of(LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
