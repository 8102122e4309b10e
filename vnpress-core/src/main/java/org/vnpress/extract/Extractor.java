package org.vnpress.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Turns a raw press release (text copied from a news page) or an input record into a {@link
 * PressRelease}: title, date line, byline, source link, page furniture, glued sentences, and the
 * metadata found in the text.
 */
public final class Extractor {

  private final DistrictExtractor districts;
  private final DocumentNumberExtractor documents;
  private final PeriodExtractor periods;
  private final PeopleExtractor people;
  private final MeetingExtractor meetings = new MeetingExtractor();

  public Extractor(
      DistrictExtractor districts, DocumentNumberExtractor documents, PeriodExtractor periods) {
    this.districts = districts;
    this.documents = documents;
    this.periods = periods;
    this.people = PeopleExtractor.standard();
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
    TextCopy.Parsed p =
        TextCopy.parse(legacy.map(LegacyEncoding.Conversion::text).orElse(text), null);
    legacy.ifPresent(c -> p.notes.add(convertedNote(c.encoding())));
    return build(id, p, null);
  }

  /**
   * Extracts a saved HTML page: headline, date, author and link from the page's structure ({@link
   * HtmlPage}), the rest from the text of its main content as for a text copy. A date in the page's
   * meta tags or JSON-LD wins over a date line in the text.
   */
  public PressRelease fromHtml(String id, String html) {
    HtmlPage.Parsed page = HtmlPage.parse(html);
    String text = clean(page.text());
    String title = page.title() == null ? null : clean(page.title());
    Optional<LegacyEncoding.Encoding> legacy =
        LegacyEncoding.detect(title == null ? text : title + "\n" + text);
    if (legacy.isPresent()) {
      text = LegacyEncoding.convert(text, legacy.get());
      title = title == null ? null : LegacyEncoding.convert(title, legacy.get());
    }
    TextCopy.Parsed p = TextCopy.parse(text, title);
    legacy.ifPresent(e -> p.notes.add(convertedNote(e)));
    if (page.date().isKnown()) {
      p.date = page.date();
    }
    p.url = page.url() != null ? page.url() : p.url;
    p.source = p.source != null ? p.source : page.siteName();
    p.author = p.author != null ? p.author : page.author();
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
    // each field is cleaned once: the legacy-encoding probe reads the cleaned fields
    String cleanTitle = given.title() == null ? null : clean(given.title());
    String body = clean(given.body());
    String probe = cleanTitle == null ? body : cleanTitle + "\n" + body;
    Optional<LegacyEncoding.Encoding> legacy = LegacyEncoding.detect(probe);
    if (legacy.isPresent()) {
      LegacyEncoding.Encoding e = legacy.get();
      r =
          new InputRecord(
              given.id(),
              cleanTitle == null ? null : LegacyEncoding.convert(cleanTitle, e),
              LegacyEncoding.convert(body, e),
              given.date(),
              given.url(),
              given.source());
      note = convertedNote(e);
      body = clean(r.body());
    }
    String givenTitle = blankToNull(r.title());
    TextCopy.Parsed p = TextCopy.parse(body, givenTitle);
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

  private PressRelease build(String id, TextCopy.Parsed p, InputRecord r) {
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
    List<District> found = districts.extract(all, date);
    List<DocumentRef> refs = documents.extract(all);
    return withFacts(
        new PressRelease(
            id,
            title,
            title != null ? title : displayTitle(body),
            body,
            date,
            author,
            url,
            source,
            found,
            districts.places(all, date),
            refs,
            periods.extract(all, date),
            notes));
  }

  /**
   * A release stored by an index layout before the third, given what extraction finds since then:
   * people, the meeting, its own number (from its title and body), and the terms of the numbers it
   * already cites. Nothing else changes: its stored fields win.
   */
  public PressRelease upgraded(PressRelease r) {
    String all = (r.title() == null ? "" : r.title() + "\n") + r.body();
    java.util.Map<String, DocumentRef> fresh = new java.util.HashMap<>();
    for (DocumentRef d : documents.extract(all)) {
      fresh.put(d.value(), d);
    }
    List<DocumentRef> refs = new ArrayList<>();
    for (DocumentRef d : r.documents()) {
      DocumentRef f = fresh.get(d.value());
      refs.add(d.term() == null && f != null && f.term() != null ? d.withTerm(f.term()) : d);
    }
    return withFacts(r.withDocuments(refs));
  }

  /**
   * The release with the facts found from its title and body since the third index layout: people,
   * the meeting, its own document number. An index rebuilt from records stored before them asks
   * here too ({@code index/IndexUpgrade}).
   */
  public PressRelease withFacts(PressRelease r) {
    String all = (r.title() == null ? "" : r.title() + "\n") + r.body();
    List<String> failed = new ArrayList<>();
    return r.withFacts(
        fact("people", () -> people.extract(all, r.districts()), List.of(), failed),
        fact("meeting", () -> meetings.extract(r.title(), r.body()), null, failed),
        fact("own number", () -> OwnNumber.of(r.title(), r.body(), documents), null, failed),
        failed);
  }

  /**
   * One fact of a release, or {@code none} with a note when its finder fails: the facts are extras,
   * and a fault in a finder on a text nobody foresaw (one such took a title as a release's last
   * words) must cost neither the release nor an ingest of a million.
   */
  private static <T> T fact(
      String what, java.util.function.Supplier<T> find, T none, List<String> failed) {
    try {
      return find.get();
    } catch (RuntimeException e) {
      failed.add(what + " not extracted: " + e.getClass().getSimpleName());
      return none;
    }
  }

  /**
   * NFC, one kind of line break, no BOM, no-break spaces as spaces (also the {@code nbsp;} an HTML
   * copy leaves), no control characters, and U+00D0 {@code Ð} (Icelandic eth, which pages type for
   * it) as {@code Đ}: the two look the same, and only {@code Đ} matches names and numbers.
   */
  static String clean(String raw) {
    String s = raw;
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    // String.replace and indexOf are vectorised scans: cheaper than one hand-written loop
    s = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
    if (s.indexOf('\u00D0') >= 0) {
      s = s.replace('\u00D0', 'Đ');
    }
    if (s.indexOf("nbsp;") >= 0) {
      s = s.replace("&nbsp;", " ").replace("nbsp;", " ");
    }
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
