package org.vnpress.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a press release as people copy it from a page: what stands above the headline, the
 * headline, the date line, bylines at either end, page furniture, and the article text.
 *
 * <ul>
 *   <li>Above the headline: category and breadcrumb lines ({@code Hoạt động Đảng}, {@code CÔNG TÁC
 *       ĐẢNG}, {@code Trang chủ > Tin tức}, a section name printed twice), font widgets ({@code Xem
 *       với cỡ chữ}, {@code A A}), {@code Skip to main content}; a date alone on its line (also
 *       glued to an icon label, {@code Clock12/06/2020}) is the date line.
 *   <li>The headline: the first line left; an ALL CAPS headline split over two lines is joined; a
 *       date glued after it in brackets ({@code (10:15 12/03/2024)}) is the date line; a headline
 *       glued to the first sentence is split. A first line that reads as a lead paragraph (an
 *       agency tag such as {@code (NSHN) -}, a time of day and a date, or more than 35 words) is no
 *       headline: the release has none.
 *   <li>The date line: within three lines under the headline ({@link DateParser#dateLine}). A
 *       place-and-date header ({@code Hải Phòng, ngày 17 tháng 02 năm 2020}, a print view's date)
 *       counts only when the lead's event date does not contradict it.
 *   <li>Bylines: in the date line ({@code Hiền Thu| 30/12/2022 12:26}, {@code Minh Anh - 12/03/2024
 *       10:15}) or alone on the last line (a bare name, CAPS names, {@code Tin, ảnh: NAME}, {@code
 *       Tin bài: ORGANISATION}, initials, {@code PV}, two names joined by {@code -}).
 *   <li>Furniture dropped: share and comment widgets, related-link headers and everything after
 *       them, {@code Dòng sự kiện:}, a dangling {@code Theo}, {@code undefined}, HTML debris,
 *       {@code ./.} end marks, {@code Nguồn: URL} lines (kept as the source link).
 * </ul>
 */
final class TextCopy {

  /** What a text copy holds, field by field. */
  static final class Parsed {
    String title;
    PubDate date = PubDate.NONE;
    String author;
    String url;
    String source;
    String body = "";
    final List<String> notes = new ArrayList<>();
  }

  /** A sentence end glued to the next sentence: {@code phát sinh.Hệ thống}. */
  private static final Pattern GLUED =
      // the look-behind runs only at a sentence mark, not at every character: 4–5× faster
      Pattern.compile("([.!?])(?<=(?:\\p{Ll}{2}|[)”\"])[.!?])(?=\\p{Lu}\\p{Ll})");

  /** A title glued to the first sentence: {@code …đề raTại Hội nghị}. */
  private static final Pattern GLUED_TITLE =
      Pattern.compile("(?<=(?:^|\\s)\\p{Ll}{2,10})(?=\\p{Lu}\\p{Ll}+[\\s,])");

  private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Whole lines that are page furniture, not article text. */
  private static final Pattern FURNITURE =
      Pattern.compile(
          "^(\\(\\d+\\)\\s*bình luận|bình luận(?:\\s*\\(\\d+\\))?|nổi bật|đừng bỏ lỡ|xem thêm"
              + "|chia sẻ(?:\\s*(?:zalo|facebook|fb|twitter|email))*|tin mới|tin khác|đọc thêm|in bài"
              + "(?: viết)?|bản in|gửi bài|gửi email|theo dõi|quảng cáo|theo|undefined|null|lượt xem"
              + "\\s*:?\\s*\\d*|xem với cỡ chữ.*|cỡ chữ.*|a\\s*a|a-?\\s*a\\s*a\\+?|a\\+|a-|skip to main"
              + " content|trở về|quay lại|về đầu trang|lên đầu trang|print|email|zalo|facebook|tweet"
              + "|like|share|dòng sự kiện\\s*:.*|từ khóa\\s*:.*|tags?\\s*:.*|\\./\\.|u\\d{1,2}|\\d{1,2})"
              + "\\s*:?$",
          CI);

  /** Furniture lines are short, or start with a label ({@code Dòng sự kiện:}, {@code Tags:}). */
  private static boolean isFurnitureLength(String line) {
    return line.length() <= 40 || line.indexOf(':') > 0 && line.indexOf(':') <= 14;
  }

  /** HTML debris: arrows of comment ends, stray brackets. */
  private static final Pattern DEBRIS = Pattern.compile("^[\\s<>!\\-/]*-->[\\s<>!\\-/]*$|^nbsp;$");

  /** Lines from which everything to the end is furniture. */
  private static final Pattern FURNITURE_TAIL =
      Pattern.compile(
          "^(\\(\\d+\\)\\s*bình luận|đừng bỏ lỡ|tin liên quan|bài viết liên quan|tin cùng chuyên mục"
              + "|các tin khác|tin khác|ý kiến bạn đọc|gửi ý kiến|viết bình luận|gửi bình luận|bình"
              + " luận của bạn|tin đã đưa|tin mới nhất|tin đọc nhiều|xem nhiều|các tin đã đưa"
              + "|tin bài liên quan|bài liên quan|cùng chuyên mục)\\s*:?$",
          CI);

  private static final Pattern SOURCE_LINK =
      Pattern.compile(
          "^(?:link nguồn|nguồn(?: tin| bài)?)\\s*:?\\s*[^:]{0,60}?:?\\s*(https?://\\S+)\\s*$", CI);

  /** A byline: two to four capitalised words, nothing else. */
  private static final Pattern BYLINE =
      Pattern.compile("^\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,3}$");

  /** A byline in capitals: {@code NGỌC ANH}. */
  private static final Pattern CAPS_BYLINE = Pattern.compile("^\\p{Lu}+(?:\\s+\\p{Lu}+){1,3}$");

  /** Two bylines joined: {@code Hải An - Tùng Tin}. */
  private static final Pattern TWO_BYLINES =
      Pattern.compile(
          "^\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){0,3}\\s*[-–]\\s*\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){0,3}$");

  /** Initials or the reporter tag: {@code T.H}, {@code N.A.}, {@code PV}, {@code Nhóm PV}. */
  private static final Pattern INITIALS =
      Pattern.compile("^(?:\\p{Lu}\\.){1,3}\\p{Lu}?\\.?$|^(?:nhóm )?pv$|^ctv$", CI);

  /** A credit: {@code Tin, ảnh: NAME}, {@code Tin bài: ORGANISATION}, {@code Bài và ảnh: …}. */
  private static final Pattern CREDIT =
      Pattern.compile(
          "^(?:tin|bài|ảnh|tin,? ảnh|tin và ảnh|bài,? ảnh|bài và ảnh|tin bài|tin,? bài|nhóm pv"
              + "|phóng viên|tác giả|tác giả bài viết|người viết)\\s*:\\s*(.{2,80})$",
          CI);

  /** An agency tag opening a lead: {@code (NSHN) -}, {@code (HNMO) –}, {@code (Chinhphu.vn) -}. */
  private static final Pattern AGENCY = Pattern.compile("^\\([\\p{L}\\d.]{2,20}\\)\\s*[-–—]");

  /** A lead opening with a time of day and a date: {@code Sáng 19-10,}, {@code Chiều ngày 9/7}. */
  private static final Pattern EVENT_OPENING =
      Pattern.compile(
          "^(?:sáng|chiều|tối|trưa|đêm|ngày|hôm nay|hôm qua|vừa qua|trong (?:các )?ngày)\\s+(?:ngày\\s+)?\\(?\\d{1,2}\\s*[/.-]\\s*\\d{1,2}",
          CI);

  /** A date glued after the headline in brackets: {@code … (10:15 12/03/2024)}. */
  private static final Pattern TITLE_DATE =
      Pattern.compile(
          "\\s*\\((?:\\d{1,2}:\\d{2}\\s*\\|?\\s*)?\\d{1,2}/\\d{1,2}/\\d{4}(?:\\s*\\|?\\s*\\d{1,2}:\\d{2})?\\)\\s*$");

  /** Breadcrumbs: short parts joined by {@code >}, {@code »}, {@code /} or {@code |}. */
  private static final Pattern BREADCRUMB =
      Pattern.compile("^[^.!?]{1,40}(?:\\s*[>»›/|]\\s*[^.!?>»›/|]{1,40}){1,5}$");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\d]+");

  /**
   * Section and category names portals print above a headline, compared on their tone-placement
   * key, lower case. A line that is one of these is never a headline.
   */
  private static final Set<String> SECTIONS =
      keys(
          "tin tức",
          "tin tức - sự kiện",
          "tin tức sự kiện",
          "tin tức - sự kiện nổi bật",
          "tin nổi bật",
          "sự kiện nổi bật",
          "tin hoạt động",
          "tin hoạt động của quận",
          "tin hoạt động của phường",
          "tin địa phương",
          "tin trong nước",
          "tin tổng hợp",
          "tin chính trị",
          "tin mới",
          "hoạt động đảng",
          "hoạt động của đảng",
          "hoạt động đảng ủy",
          "hoạt động quận ủy",
          "hoạt động huyện ủy",
          "hoạt động chính quyền",
          "hoạt động hđnd",
          "hoạt động ubnd",
          "hoạt động mặt trận",
          "hoạt động đoàn thể",
          "hoạt động các đoàn thể",
          "hoạt động lãnh đạo",
          "hoạt động của lãnh đạo",
          "công tác đảng",
          "xây dựng đảng",
          "đảng - đoàn thể",
          "đảng đoàn thể",
          "đảng, đoàn thể",
          "chính trị",
          "thời sự",
          "thời sự - chính trị",
          "chính trị - xã hội",
          "kinh tế",
          "kinh tế - xã hội",
          "kinh tế - chính trị",
          "văn hóa",
          "văn hóa - xã hội",
          "văn hoá - xã hội",
          "xã hội",
          "giáo dục",
          "y tế",
          "an ninh - quốc phòng",
          "quốc phòng - an ninh",
          "quốc phòng an ninh",
          "pháp luật",
          "đô thị",
          "văn bản",
          "văn bản chỉ đạo",
          "văn bản chỉ đạo điều hành",
          "văn bản mới",
          "chỉ đạo điều hành",
          "thông báo",
          "thông tin tuyên truyền",
          "tuyên truyền",
          "tin tuyên truyền",
          "thông tin chỉ đạo điều hành",
          "sự kiện",
          "tiêu điểm",
          "nổi bật",
          "trang chủ",
          "mặt trận - đoàn thể",
          "mặt trận tổ quốc",
          "đoàn thể",
          "cải cách hành chính",
          "tin ảnh",
          "tin vắn",
          "news",
          "home",
          "skip to main content");

  /** Portal names above a headline: {@code Cổng thông tin điện tử quận …}. */
  private static final Pattern PORTAL =
      Pattern.compile(
          "^(?:cổng thông tin(?: điện tử)?|trang thông tin(?: điện tử)?|cổng tttđt|website|báo điện tử"
              + "|ubnd|ủy ban nhân dân|uỷ ban nhân dân|đảng bộ|đảng ủy|đảng uỷ)\\b[^.!?]{0,80}$",
          CI);

  private TextCopy() {}

  private static Set<String> keys(String... names) {
    Set<String> out = new HashSet<>();
    for (String n : names) {
      out.add(sectionKey(n));
    }
    return out;
  }

  private static String sectionKey(String s) {
    return VnKey.of(s.replace('–', '-').replaceAll("\\s*-\\s*", " - ").replaceAll("\\s+", " "))
        .strip();
  }

  /** Parses a text copy; a given title (from a record or a page's structure) is the headline. */
  static Parsed parse(String text, String givenTitle) {
    Parsed p = new Parsed();
    Optional<DateParser.Marker> marker = DateParser.marker(text);
    boolean titleKnown = givenTitle != null;
    if (marker.isPresent()) {
      // a scraped text that starts with its date marker has no title line
      p.date = marker.get().date();
      text = text.substring(marker.get().end());
      titleKnown = true;
    }
    List<String> lines = new ArrayList<>();
    // lines after a blank line start paragraphs; without blank lines every line is one
    Set<String> paragraphStarts = new HashSet<>();
    boolean blankBefore = true;
    boolean anyBlank = false;
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (t.endsWith("|")) {
        t = t.substring(0, t.length() - 1).strip();
      }
      if (t.isEmpty() || (t.length() <= 12 && DEBRIS.matcher(t).matches())) {
        blankBefore = true;
        anyBlank |= !lines.isEmpty();
        continue;
      }
      if (blankBefore) {
        paragraphStarts.add(t);
      }
      blankBefore = false;
      lines.add(t);
    }
    boolean headerDate = false;
    if (!titleKnown) {
      headerDate = aboveTheHeadline(lines, p);
      headline(lines, p, paragraphStarts);
    } else if (givenTitle != null) {
      p.title = givenTitle;
      dropAboveGivenTitle(lines, givenTitle);
      if (lines.size() > 1 && sameText(lines.get(0), givenTitle)) {
        lines.remove(0);
      }
    }
    // the date line sits right under the title
    for (int i = 0; i < Math.min(3, lines.size()); i++) {
      String line = lines.get(i);
      if (i > 0 && !isShort(lines.get(i - 1))) {
        break; // past the lead: a date below it is in the article
      }
      Optional<PubDate> d = DateParser.dateLine(line);
      if (d.isPresent()) {
        boolean header = DateParser.isPlaceDateHeader(line);
        if (!p.date.isKnown()) {
          p.date = d.get();
          headerDate = header;
        }
        readByline(line, p);
        lines.remove(i);
        break;
      }
    }
    // page furniture and source link at the end
    List<String> body = new ArrayList<>();
    for (String line : lines) {
      // the patterns run only on lines short enough to be furniture: most lines are paragraphs
      boolean short80 = line.length() <= 80;
      if (short80 && FURNITURE_TAIL.matcher(line).matches() && !body.isEmpty()) {
        break;
      }
      Matcher link =
          line.length() <= 300 && line.contains("http") ? SOURCE_LINK.matcher(line) : null;
      if (link != null && link.matches()) {
        p.url = p.url == null ? link.group(1) : p.url;
        continue;
      }
      boolean repeatedTitle = p.title != null && sameText(line, p.title) && lines.size() > 1;
      if ((isFurnitureLength(line) && FURNITURE.matcher(line).matches()) || repeatedTitle) {
        continue;
      }
      body.add(endMarkDropped(line));
    }
    trailingByline(body, p);
    if (headerDate && contradictedByLead(p.date, body)) {
      // a print view's date, not the publication date: the lead reports a later event
      p.date = PubDate.NONE;
    }
    StringBuilder sb = new StringBuilder();
    for (String line : body) {
      if (line.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(!anyBlank || paragraphStarts.contains(line) ? "\n\n" : "\n");
      }
      sb.append(mayBeGlued(line) ? GLUED.matcher(line).replaceAll("$1 ") : line);
    }
    p.body = sb.toString();
    return p;
  }

  /**
   * Drops the lines above the headline: category and breadcrumb lines, widgets, portal names, and a
   * date alone on its line (which becomes the date). Returns whether that date was a place-and-date
   * header.
   */
  private static boolean aboveTheHeadline(List<String> lines, Parsed p) {
    boolean header = false;
    while (lines.size() > 1) {
      String first = lines.get(0);
      Optional<PubDate> d = DateParser.dateLine(first);
      if (d.isPresent() && (DateParser.isDateOnly(first) || DateParser.isPlaceDateHeader(first))) {
        if (!p.date.isKnown()) {
          p.date = d.get();
          header = DateParser.isPlaceDateHeader(first);
        }
        lines.remove(0);
        continue;
      }
      if (isAboveHeadline(first, lines.get(1))) {
        lines.remove(0);
        continue;
      }
      break;
    }
    return header;
  }

  /** A given title may still have a category line or a date above it in the text. */
  private static void dropAboveGivenTitle(List<String> lines, String title) {
    for (int i = 0; i < Math.min(3, lines.size() - 1); i++) {
      if (sameText(lines.get(i), title)) {
        for (int k = 0; k < i; k++) {
          String l = lines.get(0);
          if (!(isSection(l) || FURNITURE.matcher(l).matches() || isBreadcrumb(l))) {
            return;
          }
        }
        lines.subList(0, i).clear();
        return;
      }
    }
  }

  /** Whether a first line is furniture or a category, given the line after it. */
  static boolean isAboveHeadline(String line, String next) {
    if (isSection(line) || FURNITURE.matcher(line).matches() || isBreadcrumb(line)) {
      return true;
    }
    if (PORTAL.matcher(line).matches() && words(line) <= 12 && !isLead(next)) {
      return DateParser.dateLine(next).isEmpty();
    }
    int n = words(line);
    if (n == 0 || n > 6 || line.matches(".*[.!?:;,\"“”]$") || line.matches(".*\\d.*")) {
      return false;
    }
    // "văn hóa - xã hội": a lower-case line above the headline is a section name
    if (Character.isLowerCase(line.charAt(0))) {
      return !isLead(next) && DateParser.dateLine(next).isEmpty();
    }
    // "CÔNG TÁC ĐẢNG" above a headline in ordinary case: a caps headline would go on in caps or
    // be followed by its date line
    if (isCaps(line)) {
      return !isCaps(next) && DateParser.dateLine(next).isEmpty() && !isLead(next);
    }
    return false;
  }

  private static boolean isSection(String line) {
    if (line.length() > 80) {
      return false;
    }
    String k = sectionKey(line.replaceAll("[:»>]+$", "").strip());
    if (SECTIONS.contains(k)) {
      return true;
    }
    // "VĂN BẢN CHỈ ĐẠO VĂN BẢN CHỈ ĐẠO": a section name printed twice (menu and heading)
    String[] w = k.split(" ");
    if (w.length >= 2 && w.length % 2 == 0) {
      int h = w.length / 2;
      boolean twice = true;
      for (int i = 0; i < h && twice; i++) {
        twice = w[i].equals(w[i + h]);
      }
      return twice;
    }
    return false;
  }

  private static boolean isBreadcrumb(String line) {
    return line.length() <= 160
        && BREADCRUMB.matcher(line).matches()
        && !line.matches(".*\\d+/\\d+.*")
        && line.matches(".*(?:\\s[>»›]\\s|\\s[>»›]|[>»›]\\s).*");
  }

  /** Takes the headline from the first line left, or decides the copy has none. */
  private static void headline(List<String> lines, Parsed p, Set<String> paragraphStarts) {
    // a one-line text is all body: there is nothing for a title to introduce
    if (lines.size() <= 1) {
      return;
    }
    String first = lines.get(0);
    Matcher g = GLUED_TITLE.matcher(first);
    if (first.length() > 40
        && g.find()
        && g.start() >= 20
        && words(first.substring(0, g.start())) <= 30) {
      p.title = first.substring(0, g.start()).strip();
      lines.set(0, first.substring(g.start()).strip());
      return;
    }
    if (isLead(first)) {
      return; // the copy starts with its lead: no headline
    }
    lines.remove(0);
    Matcher d = TITLE_DATE.matcher(first);
    if (d.find() && d.start() > 10) {
      // "Headline (10:15 12/03/2024)": the date line glued to the headline
      DateParser.firstDate(first.substring(d.start())).ifPresent(v -> p.date = v);
      first = first.substring(0, d.start()).strip();
    }
    // an ALL CAPS headline split over two lines
    if (isCaps(first)
        && !lines.isEmpty()
        && isCaps(lines.get(0))
        && DateParser.dateLine(lines.get(0)).isEmpty()
        && words(first) + words(lines.get(0)) <= 40) {
      first = first + " " + lines.remove(0);
    }
    p.title = first;
  }

  /** Whether a line reads as a lead paragraph rather than a headline. */
  static boolean isLead(String line) {
    int n = words(line);
    if (n > 35) {
      return true;
    }
    if (AGENCY.matcher(line).find()) {
      return true;
    }
    return n > 12 && EVENT_OPENING.matcher(line).find();
  }

  private static boolean isCaps(String s) {
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  /** At most 40 words (counted by the spaces, stopping early: most lines are long paragraphs). */
  private static boolean isShort(String line) {
    int spaces = 0;
    for (int i = 0, n = line.length(); i < n; i++) {
      if (line.charAt(i) == ' ' && ++spaces >= 40) {
        return false;
      }
    }
    return true;
  }

  /** {@code …nội dung./.} → {@code …nội dung.}: the end mark of official texts. */
  private static String endMarkDropped(String line) {
    if (line.endsWith("./.")) {
      return line.substring(0, line.length() - 2).strip();
    }
    return line;
  }

  /** A byline alone on the last line: a name, CAPS names, a credit, initials, two names. */
  private static void trailingByline(List<String> body, Parsed p) {
    if (body.size() < 2) {
      return;
    }
    String last = body.get(body.size() - 1);
    Matcher credit = CREDIT.matcher(last);
    String who = null;
    if (credit.matches()) {
      who = credit.group(1).strip();
    } else if (BYLINE.matcher(last).matches()
        || CAPS_BYLINE.matcher(last).matches() && words(last) <= 4
        || TWO_BYLINES.matcher(last).matches()
        || INITIALS.matcher(last).matches()) {
      who = last;
    }
    if (who != null) {
      if (p.author == null) {
        p.author = who;
      }
      body.remove(body.size() - 1);
    }
  }

  /**
   * Source and author from a date line: {@code Hà Nội 360 - Ngày đăng : …}, {@code Hiền Thu| …},
   * {@code Minh Anh - 12/03/2024 10:15}.
   */
  private static void readByline(String line, Parsed p) {
    int label = line.toLowerCase(Locale.ROOT).indexOf("ngày đăng");
    if (label > 0) {
      String src = line.substring(0, label).replaceAll("[\\s\\-–|:]+$", "").strip();
      if (!src.isEmpty()) {
        p.source = src;
      }
      return;
    }
    for (String sep : new String[] {"|", " - ", " – "}) {
      int bar = line.indexOf(sep);
      if (bar > 0) {
        String who = line.substring(0, bar).strip();
        if (BYLINE.matcher(who).matches()
            && !who.matches("(?iu).*(thứ|chủ nhật|ngày|cập nhật).*")) {
          p.author = who;
          return;
        }
      }
    }
  }

  /**
   * Whether the lead reports an event after a header date ({@code Sáng 24/7} under {@code ngày 27
   * tháng 02 năm 2020}) or long before it: then the header is a print or upload date.
   */
  private static boolean contradictedByLead(PubDate header, List<String> body) {
    if (header.precision() != PubDate.Precision.DAY || body.isEmpty()) {
      return false;
    }
    String lead = body.get(0);
    List<java.time.LocalDate> events =
        DateParser.mentioned(lead.substring(0, Math.min(lead.length(), 300)), header);
    if (events.isEmpty()) {
      return false;
    }
    java.time.LocalDate event = events.get(0);
    java.time.LocalDate day = header.firstDay();
    return event.isAfter(day) || event.plusDays(31).isBefore(day);
  }

  private static boolean sameText(String a, String b) {
    return a.strip().equalsIgnoreCase(b.strip());
  }

  static int words(String s) {
    int n = 0;
    Matcher w = WORD.matcher(s);
    while (w.find()) {
      n++;
    }
    return n;
  }

  /**
   * Whether a line has a sentence mark directly followed by an uppercase letter: the only place
   * {@link #GLUED} can match. Most lines have none, and this scan costs far less than the pattern.
   */
  private static boolean mayBeGlued(String line) {
    for (int i = 1, n = line.length() - 1; i < n; i++) {
      char c = line.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && Character.isUpperCase(line.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }
}
