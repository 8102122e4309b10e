package org.vnpress.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the reporting periods a release is about, which are not its publication date.
 *
 * <ul>
 *   <li>Quarters: {@code quý IV-2022}, {@code quý III/2022}, {@code quý 3 năm 2025}, {@code Q3
 *       2025}, and {@code quý I} with the year taken from the words that follow in the same clause
 *       ({@code quý III và cả năm 2022}) or else from the publication date; with neither, the
 *       quarter is left out.
 *   <li>Half-years and nine months: {@code 6 tháng đầu năm 2022} → {@code 2022-H1}, {@code 6 tháng
 *       cuối năm} → {@code H2}, {@code 9 tháng (đầu) năm 2022} → {@code 2022-9M}.
 *   <li>Years the text plans or reviews: {@code nhiệm vụ năm 2023} → {@code 2023}.
 * </ul>
 *
 * {@link #extract} returns quarters only (the {@code period} facet of the seeds); {@link
 * #allPeriods} returns every kind.
 */
public class PeriodExtractor {

  private static final String YEAR = "((?:19|20)\\d{2})";

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** {@code quý IV-2022}, {@code quý III/2022}, {@code quý 3 năm 2025}, {@code quý I}. */
  private static final Pattern QUARTER =
      Pattern.compile(
          "(?<!\\p{L})quý\\s+(IV|I{1,3}|[1-4])(?![\\p{L}\\d])(?:\\s*[-/]\\s*"
              + YEAR
              + "|\\s+(?:năm\\s+)?"
              + YEAR
              + ")?(?![\\d/-])",
          FLAGS);

  /** {@code Q3 2025}, {@code Q3/2025}, {@code Q3-2025}. */
  private static final Pattern Q_SHORT =
      Pattern.compile("(?<![\\p{L}\\d])Q([1-4])(?:\\s*[/-]\\s*|\\s+)" + YEAR + "(?![\\d])");

  /**
   * The year that a bare {@code quý I} takes from the rest of its clause ({@code và cả năm 2022}).
   */
  private static final Pattern CLAUSE_YEAR =
      Pattern.compile("^[^.;:\\n]{0,30}?(?<!\\p{L})năm\\s+" + YEAR + "(?![\\d-])", FLAGS);

  /** {@code 6 tháng đầu năm 2022}, {@code 6 tháng cuối năm}, {@code 9 tháng đầu năm}. */
  private static final Pattern MONTHS =
      Pattern.compile(
          "(?<![\\p{L}\\d])(6|9|sáu|chín)\\s+tháng\\s+(đầu\\s+|cuối\\s+)?năm(?:\\s+"
              + YEAR
              + ")?(?![\\d-])",
          FLAGS);

  /** {@code nhiệm vụ năm 2023}, {@code kết quả … năm 2022}: a year planned or reviewed. */
  private static final Pattern YEAR_TOPIC =
      Pattern.compile(
          "(?<!\\p{L})(?:nhiệm vụ|kế hoạch|kết quả|chỉ tiêu|phương hướng|mục tiêu|dự toán|tổng kết)"
              + "(?:[\\s,]+[\\p{L}-]+){0,6}?\\s+năm\\s+"
              + YEAR
              + "(?![\\d-])",
          FLAGS);

  /** Quarter periods ({@code 2022-Q4}), sorted, without repeats. */
  public List<String> extract(String text, PubDate date) {
    TreeSet<String> out = new TreeSet<>();
    quarters(nfc(text), date, out);
    return List.copyOf(out);
  }

  /**
   * Every period: quarters ({@code 2022-Q4}), half-years ({@code 2022-H1}), nine months ({@code
   * 2022-9M}) and years ({@code 2023}), sorted, without repeats.
   */
  public List<String> allPeriods(String text, PubDate date) {
    String t = nfc(text);
    TreeSet<String> out = new TreeSet<>();
    quarters(t, date, out);
    Matcher m = MONTHS.matcher(t);
    while (m.find()) {
      String year = m.group(3) != null ? m.group(3) : yearOf(date);
      if (year == null) {
        continue;
      }
      boolean six = m.group(1).equals("6") || m.group(1).equalsIgnoreCase("sáu");
      boolean last = m.group(2) != null && m.group(2).strip().equalsIgnoreCase("cuối");
      if (six) {
        out.add(year + (last ? "-H2" : "-H1"));
      } else if (!last) {
        out.add(year + "-9M");
      }
    }
    m = YEAR_TOPIC.matcher(t);
    while (m.find()) {
      out.add(m.group(1));
    }
    return new ArrayList<>(out);
  }

  private static void quarters(String t, PubDate date, TreeSet<String> out) {
    // most texts name no quarter: a plain search is much cheaper than the case-blind pattern
    boolean quy = t.indexOf("uý") >= 0 || t.indexOf("UÝ") >= 0;
    Matcher m = QUARTER.matcher(t);
    while (quy && m.find()) {
      String year = m.group(2) != null ? m.group(2) : m.group(3);
      if (year == null) {
        Matcher c = CLAUSE_YEAR.matcher(t.substring(m.end(), Math.min(t.length(), m.end() + 60)));
        year = c.find() ? c.group(1) : yearOf(date);
      }
      if (year != null) {
        out.add(year + "-Q" + quarter(m.group(1)));
      }
    }
    if (!hasShortQuarter(t)) {
      return;
    }
    m = Q_SHORT.matcher(t);
    while (m.find()) {
      out.add(m.group(2) + "-Q" + m.group(1));
    }
  }

  private static boolean hasShortQuarter(String t) {
    for (int i = t.indexOf('Q'); i >= 0 && i + 1 < t.length(); i = t.indexOf('Q', i + 1)) {
      char c = t.charAt(i + 1);
      if (c >= '1' && c <= '4') {
        return true;
      }
    }
    return false;
  }

  private static int quarter(String roman) {
    return switch (roman.toUpperCase(java.util.Locale.ROOT)) {
      case "I", "1" -> 1;
      case "II", "2" -> 2;
      case "III", "3" -> 3;
      default -> 4;
    };
  }

  private static String yearOf(PubDate date) {
    return date != null && date.isKnown() ? Integer.toString(date.year()) : null;
  }

  private static String nfc(String s) {
    return VnKey.nfc(s);
  }
}
