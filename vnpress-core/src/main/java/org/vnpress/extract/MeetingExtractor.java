package org.vnpress.extract;

import java.util.Map;
import java.util.Set;

/**
 * Finds the meeting a release reports: its body, session number and term ({@code Hội nghị lần thứ
 * mười sáu Ban Chấp hành Đảng bộ quận Hai Bà Trưng khóa XXVI} → Ban Chấp hành, 16, XXVI).
 *
 * <ul>
 *   <li>Only the title and the first {@value #WINDOW} characters of the body are read: the meeting
 *       a release reports is named in its headline, lead or first caption; meetings further down
 *       are background.
 *   <li>A meeting word ({@code Hội nghị}, {@code Kỳ họp}, {@code Phiên họp}, {@code Đại hội}) with
 *       its body after it ({@code Kỳ họp thứ 3, Quốc hội khóa XIV}, {@code Hội nghị Trung ương 5})
 *       or before it in the same sentence ({@code Ban Chấp hành Đảng bộ quận Hoàng Mai tổ chức hội
 *       nghị lần thứ 12}). A meeting without a body it can name is left out ({@code Tại hội nghị}).
 *   <li>Bodies: {@code Ban Chấp hành (Trung ương)}, {@code Ban Thường vụ}, {@code Bộ Chính trị},
 *       {@code Đại hội đại biểu} (Party congresses), {@code Quốc hội}, {@code Ủy ban Thường vụ Quốc
 *       hội}, {@code Hội đồng nhân dân}, {@code Ủy ban nhân dân}, {@code Chính phủ}, the Front's
 *       {@code Ủy ban Trung ương MTTQ Việt Nam} and {@code Đoàn Chủ tịch}. Forums, summits and
 *       steering committees are not meetings here.
 *   <li>Sessions in digits, Roman numerals or words ({@code lần thứ mười sáu}, {@code kỳ họp thứ
 *       ba}); terms in Roman numerals ({@code khóa 14} → {@code XIV}); {@code nhiệm kỳ 2020-2025}
 *       as years.
 *   <li>A meeting cited rather than reported is skipped: {@code Nghị quyết Hội nghị Trung ương 4},
 *       {@code tiến tới Đại hội}, {@code chuẩn bị cho kỳ họp} — unless the release is that
 *       resolution (its title starts with {@code Nghị quyết}).
 * </ul>
 */
public final class MeetingExtractor {

  /** Characters of the body read after the title. */
  static final int WINDOW = 1500;

  private static final Map<String, String> BODIES =
      Map.ofEntries(
          Map.entry("ban chấp hành trung ương đảng", "Ban Chấp hành Trung ương"),
          Map.entry("ban chấp hành trung ương", "Ban Chấp hành Trung ương"),
          Map.entry("ban chấp hành tw", "Ban Chấp hành Trung ương"),
          Map.entry("ban chấp hành tư", "Ban Chấp hành Trung ương"),
          Map.entry("bch trung ương", "Ban Chấp hành Trung ương"),
          Map.entry("bch tw", "Ban Chấp hành Trung ương"),
          Map.entry("ban chấp hành", "Ban Chấp hành"),
          Map.entry("bch", "Ban Chấp hành"),
          Map.entry("ban thường vụ", "Ban Thường vụ"),
          Map.entry("btv", "Ban Thường vụ"),
          Map.entry("bộ chính trị", "Bộ Chính trị"),
          Map.entry("ủy ban thường vụ quốc hội", "Ủy ban Thường vụ Quốc hội"),
          Map.entry("uỷ ban thường vụ quốc hội", "Ủy ban Thường vụ Quốc hội"),
          Map.entry("ủy ban thường vụ qh", "Ủy ban Thường vụ Quốc hội"),
          Map.entry("ubtvqh", "Ủy ban Thường vụ Quốc hội"),
          Map.entry("quốc hội", "Quốc hội"),
          Map.entry("qh", "Quốc hội"),
          Map.entry("hội đồng nhân dân", "Hội đồng nhân dân"),
          Map.entry("hđnd", "Hội đồng nhân dân"),
          Map.entry("ủy ban nhân dân", "Ủy ban nhân dân"),
          Map.entry("uỷ ban nhân dân", "Ủy ban nhân dân"),
          Map.entry("ubnd", "Ủy ban nhân dân"),
          Map.entry("chính phủ", "Chính phủ"),
          Map.entry("ủy ban trung ương mttq", "Ủy ban Trung ương MTTQ Việt Nam"),
          Map.entry("uỷ ban trung ương mttq", "Ủy ban Trung ương MTTQ Việt Nam"),
          Map.entry("ủy ban trung ương mặt trận tổ quốc", "Ủy ban Trung ương MTTQ Việt Nam"),
          Map.entry("ủy ban tư mttq", "Ủy ban Trung ương MTTQ Việt Nam"),
          Map.entry("ủy ban tw mttq", "Ủy ban Trung ương MTTQ Việt Nam"),
          Map.entry("ub trung ương mttq", "Ủy ban Trung ương MTTQ Việt Nam"),
          Map.entry("ubtư mttq", "Ủy ban Trung ương MTTQ Việt Nam"),
          Map.entry("ubtw mttq", "Ủy ban Trung ương MTTQ Việt Nam"),
          Map.entry("đoàn chủ tịch", "Đoàn Chủ tịch"));

  private static final int MAX_BODY_WORDS = 6;

  /** Words before a meeting word that make it cited, not reported. */
  private static final Set<String> CITED =
      Set.of(
          "nghị quyết",
          "văn kiện",
          "tinh thần",
          "thực hiện",
          "chuẩn bị",
          "tiến tới",
          "chào mừng",
          "quán triệt",
          "kết luận",
          "trước",
          "gửi đến",
          "sau khi");

  /** Verbs between a body and its meeting word: {@code Ban Chấp hành … tổ chức Hội nghị}. */
  private static final Set<String> HOLDS =
      Set.of("tổ chức", "họp", "tiến hành", "khai mạc", "bế mạc", "triệu tập", "có");

  /** Finds the meeting of a release; {@code title} may be null. */
  public Meeting extract(String title, String body) {
    String head = title == null ? "" : title;
    boolean resolution = head.strip().toLowerCase(java.util.Locale.ROOT).startsWith("nghị quyết");
    String text = head + "\n" + (body.length() > WINDOW ? body.substring(0, WINDOW) : body);
    Words w = Words.of(text);
    Meeting found = null;
    for (int i = 0; i < w.size; i++) {
      int kind = kindLength(w, i);
      if (kind == 0) {
        continue;
      }
      boolean inTitle = w.start(i) < head.length();
      if (isCited(w, i) && !(resolution && inTitle)) {
        i += kind - 1;
        continue;
      }
      Meeting m = read(w, i, kind);
      if (m == null) {
        continue;
      }
      if (found == null) {
        found = m;
      } else if (found.body().equals(m.body())
          && (found.session() == null || found.session().equals(m.session()))) {
        // the same meeting named again: its term or years may be written there
        found =
            new Meeting(
                found.body(),
                found.session() != null ? found.session() : m.session(),
                found.term() != null ? found.term() : m.term(),
                found.organ() != null ? found.organ() : m.organ(),
                found.years() != null ? found.years() : m.years());
      }
      if (found.term() != null && found.session() != null && found.years() != null) {
        break;
      }
      i += kind - 1;
    }
    return found;
  }

  /** The words of a meeting word at {@code i}: hội nghị, kỳ họp, phiên họp, đại hội; else 0. */
  private static int kindLength(Words w, int i) {
    if (i + 1 >= w.size || !w.tight(i + 1)) {
      return 0;
    }
    String two = w.lower(i) + " " + w.lower(i + 1);
    return switch (two) {
      case "hội nghị", "kỳ họp", "kì họp", "phiên họp", "đại hội" -> 2;
      default -> 0;
    };
  }

  private static boolean isCited(Words w, int i) {
    for (int back = 1; back <= 3 && i - back >= 0; back++) {
      if (!w.tight(i - back + 1)) {
        break;
      }
      String one = w.lower(i - back);
      String two = i - back - 1 >= 0 ? w.lower(i - back - 1) + " " + one : "";
      if (back == 1 && CITED.contains(one) || CITED.contains(two) && w.tight(i - back)) {
        return true;
      }
    }
    return false;
  }

  /** A meeting from the meeting word at {@code i}, or null when no body can be named. */
  private Meeting read(Words w, int i, int kind) {
    String kindWord = w.lower(i);
    int j = i + kind;
    Integer session = null;
    String body = null;
    int bodyEnd = -1;
    String organ = null;
    // "Hội nghị Trung ương 5", "Hội nghị Trung ương lần thứ V"
    if (kindWord.equals("hội")
        && j + 1 < w.size
        && w.tight(j)
        && (w.lower(j).equals("trung") && w.lower(j + 1).equals("ương")
            || w.lower(j).equals("tư")
            || w.lower(j).equals("tw"))
        && headBody(w, j) == null) {
      body = "Ban Chấp hành Trung ương";
      j += w.lower(j).equals("trung") ? 2 : 1;
      bodyEnd = j;
    }
    if (kindWord.equals("đại")) {
      // Party congresses: "Đại hội đại biểu (toàn quốc)", "Đại hội Đảng bộ …", "Đại hội Đảng"
      if (j < w.size
          && w.tight(j)
          && w.lower(j).equals("đại")
          && j + 1 < w.size
          && w.lower(j + 1).equals("biểu")) {
        body = "Đại hội đại biểu";
        j += 2;
      } else if (j < w.size && w.tight(j) && w.lower(j).equals("đảng")) {
        body = "Đại hội đại biểu";
      } else {
        return null;
      }
      bodyEnd = j;
    }
    int[] s = session(w, j);
    if (s != null) {
      session = s[0];
      j = s[1];
    }
    if (body == null) {
      // the body after the meeting word: "Kỳ họp thứ 3, Quốc hội", "Phiên họp thứ 8 của UBTVQH"
      int k = j;
      if (k < w.size && w.lower(k).equals("của") && w.tight(k)) {
        k++;
      }
      if (k < w.size && (w.tight(k) || w.gap(k).equals(","))) {
        String[] b = headBody(w, k);
        if (b != null) {
          body = b[0];
          bodyEnd = Integer.parseInt(b[1]);
        }
      }
    }
    if (body != null && kindWord.equals("đại") || body != null && bodyEnd > 0) {
      // "Hội nghị Trung ương 4": the session may stand between the body and its organ
      int organFrom = Math.max(bodyEnd, j);
      int[] o = organ(w, organFrom);
      if (o[1] > organFrom) {
        organ = tidy(w.span(organFrom, o[1]));
      }
      j = Math.max(j, o[1]);
      if (session == null) {
        int[] s2 = session(w, j);
        if (s2 != null) {
          session = s2[0];
          j = s2[1];
        }
      }
    }
    if (body == null) {
      // the body before it: "Ban Chấp hành Đảng bộ quận Hoàng Mai tổ chức hội nghị lần thứ 12"
      int[] before = bodyBefore(w, i);
      if (before == null) {
        return null;
      }
      body = BODIES.get(w.lowerJoined(before[0], before[1]));
      int[] o = organ(w, before[1]);
      if (o[1] > before[1]) {
        organ = tidy(w.span(before[1], o[1]));
      }
      String term = term(w, before[1], i);
      String years = years(w, before[1], i);
      String t2 = term(w, j, j + 12);
      String y2 = years(w, j, j + 12);
      return new Meeting(
          body, session, term != null ? term : t2, organ, years != null ? years : y2);
    }
    return new Meeting(
        body, session, term(w, bodyEnd > 0 ? bodyEnd : j, j + 14), organ, years(w, j, j + 16));
  }

  /** A body at {@code k}: {canonical, end}, or null. */
  private static String[] headBody(Words w, int k) {
    for (int n = Math.min(MAX_BODY_WORDS, w.size - k); n >= 1; n--) {
      boolean tight = true;
      for (int x = k + 1; x < k + n; x++) {
        tight &= w.tight(x);
      }
      String key = w.lowerJoined(k, k + n);
      // "ủy ban tư mttq" and "ub tw mttq" are written with and without the space
      String b = tight ? BODIES.get(key) : null;
      if (b != null && !(n == 1 && w.isLower(k) && !key.equals("quốc hội"))) {
        return new String[] {b, Integer.toString(k + n)};
      }
    }
    return null;
  }

  /**
   * A session number at {@code j}: {@code lần thứ 16}, {@code thứ ba}, {@code lần 5}, {@code 5}.
   */
  private static int[] session(Words w, int j) {
    int k = j;
    if (k < w.size && w.gap(k).equals(",") && k + 1 < w.size && w.lower(k).equals("lần")) {
      // "Kỳ họp, lần thứ 3" is rare; a comma otherwise ends the phrase
      return null;
    }
    boolean marker = false;
    if (k < w.size && w.tight(k) && w.lower(k).equals("lần")) {
      k++;
      marker = true;
    }
    if (k < w.size && w.tight(k) && w.lower(k).equals("thứ")) {
      k++;
      marker = true;
    }
    if (k >= w.size || !w.tight(k)) {
      return null;
    }
    int v = VietnameseNumbers.digitsOrRoman(w.word(k));
    if (v > 0 && v < 200) {
      return new int[] {v, k + 1};
    }
    if (!marker) {
      return null;
    }
    String[] lower = new String[Math.min(4, w.size - k)];
    for (int x = 0; x < lower.length; x++) {
      lower[x] = x == 0 || w.tight(k + x) ? w.lower(k + x) : "";
    }
    VietnameseNumbers.Parsed p = VietnameseNumbers.words(lower, 0);
    return p == null ? null : new int[] {p.value(), k + p.words()};
  }

  /** The words after a body naming whose it is: {@code Đảng bộ quận Hai Bà Trưng}: {from, end}. */
  private static int[] organ(Words w, int from) {
    int k = from;
    while (k < w.size && k - from < 8 && w.tight(k)
        || k < w.size && k > from && k - from < 8 && isJoin(w, k)) {
      String l = w.lower(k);
      if (l.equals("khóa")
          || l.equals("khoá")
          || l.equals("lần")
          || l.equals("nhiệm")
          || l.equals("thứ")
          || w.isDigits(k)) {
        break;
      }
      if (w.isLower(k)
          && !l.matches(
              "đảng|bộ|tỉnh|thành|phố|quận|huyện|thị|xã|phường|trấn|toàn|quốc|ương|ban|hội|nhân|dân"
                  + "|vụ|trực|hành|trận|tổ")) {
        break;
      }
      k++;
    }
    return new int[] {from, k};
  }

  private static boolean isJoin(Words w, int k) {
    String g = w.gap(k);
    return abbreviationDot(w, k);
  }

  /** A body in the sentence before the meeting word, followed by a verb that holds it. */
  private static int[] bodyBefore(Words w, int i) {
    int verbAt = i;
    // "… tổ chức Hội nghị", "… đã họp phiên", "… đã tổ chức kỳ họp"
    for (String v : HOLDS) {
      int n = v.split(" ").length;
      if (i - n >= 0 && w.lowerJoined(i - n, i).equals(v) && w.tight(i)) {
        verbAt = i - n;
        break;
      }
    }
    if (verbAt == i) {
      return null;
    }
    int k = verbAt;
    if (k > 0 && w.lower(k - 1).matches("đã|sẽ|vừa|đang") && w.tight(k)) {
      k--;
    }
    for (int start = k - 1; start >= 0 && k - start <= 20; start--) {
      if (!w.tight(start + 1) && !w.gap(start + 1).equals(",") && !abbreviationDot(w, start + 1)
          || ends(w, start + 1)) {
        break;
      }
      String[] b = headBody(w, start);
      if (b != null) {
        // "Ủy ban Thường vụ Quốc hội" holds "Quốc hội": the longest body ending here wins
        int best = start;
        int end = Integer.parseInt(b[1]);
        for (int s = start - 1; s >= Math.max(0, start - MAX_BODY_WORDS); s--) {
          String[] longer = headBody(w, s);
          if (longer != null && Integer.parseInt(longer[1]) >= end) {
            best = s;
            end = Integer.parseInt(longer[1]);
          }
        }
        return new int[] {best, end};
      }
    }
    return null;
  }

  /** The dot of {@code TP.HCM}, {@code T.Ư}: inside a name, not a sentence end. */
  private static boolean abbreviationDot(Words w, int k) {
    return k > 0 && w.gap(k).equals(".") && w.word(k - 1).matches("TP|Tp|T|Q|P|TX");
  }

  /** Whether a sentence or line ends before word {@code k}. */
  private static boolean ends(Words w, int k) {
    String g = w.gap(k);
    return g.contains("\n") || g.contains(";") || g.contains(".") && !abbreviationDot(w, k);
  }

  /**
   * {@code khóa XXVI}, {@code (khóa III)}, {@code khóa 14} between words {@code from} and {@code
   * to}.
   */
  private static String term(Words w, int from, int to) {
    for (int k = from; k < Math.min(to, w.size - 1); k++) {
      if (k > from && ends(w, k)) {
        return null;
      }
      if (kindLength(w, k) > 0 && k > from) {
        return null;
      }
      String l = w.lower(k);
      if ((l.equals("khóa") || l.equals("khoá")) && w.tight(k + 1)) {
        int v = VietnameseNumbers.digitsOrRoman(w.word(k + 1));
        if (v > 0 && v < 100) {
          return VietnameseNumbers.toRoman(v);
        }
      }
    }
    return null;
  }

  /** {@code nhiệm kỳ 2020-2025} between words {@code from} and {@code to}. */
  private static String years(Words w, int from, int to) {
    for (int k = from; k < Math.min(to, w.size - 3); k++) {
      if (k > from && ends(w, k)) {
        return null;
      }
      if (w.lower(k).equals("nhiệm") && w.lower(k + 1).equals("kỳ") && k + 3 < w.size) {
        String a = w.word(k + 2);
        String b = w.word(k + 3);
        if (a.matches("(19|20)\\d{2}") && b.matches("(19|20)\\d{2}") && w.gap(k + 3).equals("-")) {
          return a + "-" + b;
        }
      }
    }
    return null;
  }

  private static String tidy(String s) {
    return s.replaceAll("\\s+", " ").strip().replace("uỷ", "ủy");
  }
}
