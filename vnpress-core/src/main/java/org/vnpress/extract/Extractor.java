package org.vnpress.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw press release (text copied from a news page) or an input record into a {@link
 * PressRelease}: title, date line, byline, source link, page furniture, glued sentences, and the
 * metadata found in the text.
 */
public final class Extractor {

  /** A sentence end glued to the next sentence: {@code phát sinh.Hệ thống}. */
  private static final Pattern GLUED =
      // the look-behind runs only at a sentence mark, not at every character: 4–5× faster
      Pattern.compile("([.!?])(?<=(?:\\p{Ll}{2}|[)”\"])[.!?])(?=\\p{Lu}\\p{Ll})");

  /** A title glued to the first sentence: {@code …đề raTại Hội nghị}. */
  private static final Pattern GLUED_TITLE =
      Pattern.compile("(?<=(?:^|\\s)\\p{Ll}{2,10})(?=\\p{Lu}\\p{Ll}+[\\s,])");

  /** Whole lines that are page furniture, not article text. */
  private static final Pattern FURNITURE =
      Pattern.compile(
          "^(\\(\\d+\\)\\s*bình luận|bình luận|nổi bật|đừng bỏ lỡ|tin liên quan|xem thêm|chia sẻ"
              + "|tin mới|tin khác|đọc thêm|bài viết liên quan|in bài|gửi bài|theo dõi|quảng cáo"
              + "|u\\d{1,2}|\\d{1,2})\\s*:?$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Lines from which everything to the end is furniture. */
  private static final Pattern FURNITURE_TAIL =
      Pattern.compile(
          "^(\\(\\d+\\)\\s*bình luận|đừng bỏ lỡ|tin liên quan|bài viết liên quan)\\s*:?$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern SOURCE_LINK =
      Pattern.compile(
          "^(?:link nguồn|nguồn)\\s*:\\s*(https?://\\S+)\\s*$", Pattern.CASE_INSENSITIVE);

  /** A byline: two to four capitalised words, nothing else. */
  private static final Pattern BYLINE =
      Pattern.compile("^\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,3}$");

  private final DistrictExtractor districts;
  private final DocumentNumberExtractor documents;
  private final PeriodExtractor periods;

  public Extractor(
      DistrictExtractor districts, DocumentNumberExtractor documents, PeriodExtractor periods) {
    this.districts = districts;
    this.documents = documents;
    this.periods = periods;
  }

  /** An extractor with the bundled gazetteer and rules. */
  public static Extractor standard() {
    return new Extractor(
        DistrictExtractor.standard(), new DocumentNumberExtractor(), new PeriodExtractor());
  }

  /** Extracts a raw {@code .txt} press release. */
  public PressRelease fromText(String id, String raw) {
    String text = clean(raw);
    Optional<LegacyEncoding.Conversion> legacy = LegacyEncoding.convertIfLegacy(text);
    Parsed p = parse(legacy.map(LegacyEncoding.Conversion::text).orElse(text), null);
    legacy.ifPresent(c -> p.notes.add(convertedNote(c.encoding())));
    return build(id, p, null);
  }

  /** Recorded on a release whose text came in a legacy font encoding and was converted. */
  static String convertedNote(LegacyEncoding.Encoding e) {
    return "converted from " + e + " to Unicode";
  }

  /** Extracts an input record; the fields it gives win over extracted ones. */
  public PressRelease fromRecord(InputRecord given) {
    InputRecord r = given;
    String note = null;
    String probe = given.title() == null ? given.body() : given.title() + "\n" + given.body();
    Optional<LegacyEncoding.Encoding> legacy = LegacyEncoding.detect(clean(probe));
    if (legacy.isPresent()) {
      LegacyEncoding.Encoding e = legacy.get();
      r =
          new InputRecord(
              given.id(),
              given.title() == null ? null : LegacyEncoding.convert(clean(given.title()), e),
              LegacyEncoding.convert(clean(given.body()), e),
              given.date(),
              given.url(),
              given.source());
      note = convertedNote(e);
    }
    String body = clean(r.body());
    String givenTitle = blankToNull(r.title());
    Parsed p = parse(body, givenTitle);
    if (p.body.isBlank() && givenTitle != null) {
      // a record whose body only repeats its title (a news item without description): the title is
      // all the text there is, so it stays the body rather than the record being refused
      p.body = body.strip();
    }
    if (note != null) {
      p.notes.add(note);
    }
    String id = blankToNull(r.id());
    if (id == null) {
      id = "r_" + hash(r.url() != null && !r.url().isBlank() ? r.url() : body);
    }
    return build(id, p, r);
  }

  private PressRelease build(String id, Parsed p, InputRecord r) {
    String title = p.title;
    PubDate date = p.date;
    String url = p.url;
    String source = p.source;
    String author = p.author;
    List<String> notes = new ArrayList<>(p.notes);
    if (r != null) {
      if (blankToNull(r.title()) != null) {
        title = clean(r.title()).strip();
      }
      if (blankToNull(r.date()) != null) {
        date = PubDate.parseIso(r.date());
      }
      url = r.url() != null && !r.url().isBlank() ? r.url().strip() : url;
      source = r.source() != null && !r.source().isBlank() ? r.source().strip() : source;
    }
    String body = p.body;
    String all = (title == null ? "" : title + "\n") + body;
    return new PressRelease(
        id,
        title,
        title != null ? title : displayTitle(body),
        body,
        date,
        author,
        url,
        source,
        districts.extract(all, date),
        districts.places(all, date),
        documents.extract(all),
        periods.extract(all, date),
        notes);
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

  /** NFC, one kind of line break, no BOM, no-break spaces as spaces, no control characters. */
  static String clean(String raw) {
    String s = raw;
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    s = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
    s = withoutControls(s);
    return Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s
        : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /** The text without control characters other than line feed and tab; itself when it has none. */
  private static String withoutControls(String s) {
    int i = 0;
    while (i < s.length() && !isDroppedControl(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    sb.append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isDroppedControl(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isDroppedControl(char c) {
    // \p{Cc}: U+0000–U+001F and U+007F–U+009F
    return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F);
  }

  private static final class Parsed {
    String title;
    PubDate date = PubDate.NONE;
    String author;
    String url;
    String source;
    String body = "";
    final List<String> notes = new ArrayList<>();
  }

  private static Parsed parse(String text, String givenTitle) {
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
      if (t.isEmpty()) {
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
    // a one-line text is all body: there is nothing for a title to introduce
    if (!titleKnown && lines.size() > 1) {
      String first = lines.remove(0);
      Matcher g = GLUED_TITLE.matcher(first);
      if (first.length() > 40 && g.find() && g.start() >= 20) {
        p.title = first.substring(0, g.start()).strip();
        lines.add(0, first.substring(g.start()).strip());
      } else {
        p.title = first;
      }
    } else if (givenTitle != null) {
      p.title = givenTitle;
      if (lines.size() > 1 && sameText(lines.get(0), givenTitle)) {
        lines.remove(0);
      }
    }
    // the date line sits right under the title
    for (int i = 0; i < Math.min(3, lines.size()); i++) {
      Optional<PubDate> d = DateParser.dateLine(lines.get(i));
      if (d.isPresent()) {
        if (!p.date.isKnown()) {
          p.date = d.get();
        }
        readByline(lines.get(i), p);
        lines.remove(i);
        break;
      }
    }
    // page furniture and source link at the end
    List<String> body = new ArrayList<>();
    for (String line : lines) {
      if (FURNITURE_TAIL.matcher(line).matches()) {
        break;
      }
      Matcher link = SOURCE_LINK.matcher(line);
      if (link.matches()) {
        p.url = link.group(1);
        continue;
      }
      boolean repeatedTitle = p.title != null && sameText(line, p.title) && lines.size() > 1;
      if (FURNITURE.matcher(line).matches() || repeatedTitle) {
        continue;
      }
      body.add(line);
    }
    if (!body.isEmpty() && p.author == null) {
      String last = body.get(body.size() - 1);
      if (BYLINE.matcher(last).matches() && body.size() > 1) {
        p.author = last;
        body.remove(body.size() - 1);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String line : body) {
      if (sb.length() > 0) {
        sb.append(!anyBlank || paragraphStarts.contains(line) ? "\n\n" : "\n");
      }
      sb.append(mayBeGlued(line) ? GLUED.matcher(line).replaceAll("$1 ") : line);
    }
    p.body = sb.toString();
    return p;
  }

  /**
   * Source and author from a date line: {@code Hà Nội 360 - Ngày đăng : …}, {@code Hiền Thu| …}.
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
    int bar = line.indexOf('|');
    if (bar > 0) {
      String who = line.substring(0, bar).strip();
      if (BYLINE.matcher(who).matches()) {
        p.author = who;
      }
    }
  }

  private static boolean sameText(String a, String b) {
    return a.strip().equalsIgnoreCase(b.strip());
  }

  /** A title to show when the source has none: the first sentence, cut at a word. */
  static String displayTitle(String body) {
    String first = body.split("\n", 2)[0];
    int end = first.indexOf(". ");
    String s = end > 0 ? first.substring(0, end) : first;
    if (s.length() > 120) {
      int cut = s.lastIndexOf(' ', 117);
      s = s.substring(0, cut > 40 ? cut : 117) + "…";
    }
    return s.isEmpty() ? "(không có tiêu đề)" : s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
