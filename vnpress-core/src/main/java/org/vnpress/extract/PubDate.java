package org.vnpress.extract;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A publication date as precise as the text tells: a day, a month, a year, or nothing.
 *
 * @param year the year, or 0 when unknown
 * @param month 1–12, or 0 when only the year is known
 * @param day 1–31, or 0 when only the month is known
 */
public record PubDate(int year, int month, int day) {

  public static final PubDate NONE = new PubDate(0, 0, 0);

  /** How much of the date the text gave. */
  public enum Precision {
    DAY,
    MONTH,
    YEAR,
    NONE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Precision parse(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT));
    }
  }

  public static PubDate of(LocalDate d) {
    return new PubDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  public static PubDate ofMonth(int year, int month) {
    return new PubDate(year, month, 0);
  }

  public static PubDate ofYear(int year) {
    return new PubDate(year, 0, 0);
  }

  /**
   * Parses {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}; null or blank gives {@link #NONE}.
   *
   * @throws IllegalArgumentException when the text is none of these
   */
  public static PubDate parseIso(String s) {
    if (s == null || s.isBlank()) {
      return NONE;
    }
    String t = s.strip();
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return of(LocalDate.parse(t));
      }
      if (t.matches("\\d{4}-\\d{2}")) {
        int m = Integer.parseInt(t.substring(5));
        if (m >= 1 && m <= 12) {
          return ofMonth(Integer.parseInt(t.substring(0, 4)), m);
        }
      } else if (t.matches("\\d{4}")) {
        return ofYear(Integer.parseInt(t));
      } else if (t.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
        return of(LocalDate.parse(t.substring(0, 10)));
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a date: " + s);
    }
    throw new IllegalArgumentException("not a date: " + s);
  }

  public Precision precision() {
    if (year == 0) {
      return Precision.NONE;
    }
    if (month == 0) {
      return Precision.YEAR;
    }
    return day == 0 ? Precision.MONTH : Precision.DAY;
  }

  public boolean isKnown() {
    return year != 0;
  }

  /** ISO text as far as known ({@code 2022-10-19}, {@code 2022-10}, {@code 2022}), or null. */
  public String iso() {
    return switch (precision()) {
      case DAY -> String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
      case MONTH -> String.format(Locale.ROOT, "%04d-%02d", year, month);
      case YEAR -> String.format(Locale.ROOT, "%04d", year);
      case NONE -> null;
    };
  }

  /** {@code 2022-Q4}, or null when the month is unknown. */
  public String quarter() {
    return month == 0 ? null : year + "-Q" + ((month - 1) / 3 + 1);
  }

  /** The first day this date can mean, for sorting and range filters; null when unknown. */
  public LocalDate firstDay() {
    return year == 0 ? null : LocalDate.of(year, Math.max(month, 1), Math.max(day, 1));
  }
}
