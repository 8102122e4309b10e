package org.vnpress.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number of the document a text is, when it is one: a resolution's header {@code Số:
 * 1656/NQ-UBTVQH15}, or a title that starts with it ({@code Nghị quyết số 60-NQ/TW …}). A release
 * that only cites a number is not that document.
 */
final class OwnNumber {

  /** A title naming its own document first: {@code Nghị quyết số 60-NQ/TW HỘI NGHỊ …}. */
  private static final Pattern TITLE =
      Pattern.compile(
          "^(?:nghị quyết|chỉ thị|quyết định|quy định|kết luận|chương trình|kế hoạch|hướng dẫn"
              + "|thông báo|thông tri|thông tư|nghị định|luật|công văn|công điện|báo cáo)"
              + "\\s+(?:số\\s*:?\\s*)?(\\S+)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The header line of an official text: {@code Số: 1656/NQ-UBTVQH15}, {@code Số 60-NQ/TW}. */
  private static final Pattern HEADER =
      Pattern.compile("(?m)^[\\s|]*Số\\s*:?\\s*(\\S+)", Pattern.UNICODE_CASE);

  /** Characters of the body that hold an official header. */
  private static final int HEADER_WINDOW = 600;

  private OwnNumber() {}

  static DocumentRef of(String title, String body, DocumentNumberExtractor numbers) {
    if (title != null) {
      Matcher t = TITLE.matcher(title.strip());
      if (t.find()) {
        DocumentRef r = only(numbers.extract(t.group(0)), t.group(1));
        if (r != null) {
          return r;
        }
      }
    }
    Matcher h =
        HEADER.matcher(body.length() > HEADER_WINDOW ? body.substring(0, HEADER_WINDOW) : body);
    if (h.find()) {
      return only(numbers.extract(h.group(0)), h.group(1));
    }
    return null;
  }

  /** The number the printed token is, when the extractor reads it as one. */
  private static DocumentRef only(List<DocumentRef> refs, String printed) {
    if (refs.isEmpty() || !printed.matches(".*\\d.*[/-].*")) {
      return null;
    }
    return refs.get(0);
  }
}
