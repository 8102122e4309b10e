package org.vnpress.extract;

import java.util.regex.Pattern;

/** Plain text from an HTML page: scripts and styles dropped, block tags as line breaks. */
public final class HtmlText {
  /** Elements whose content is not text. */
  private static final String[] DROPPED = {"script", "style", "noscript", "template"};

  // [^<>] rather than [^>]: an unclosed '<' then scans only to the next '<', never to the end,
  // so a page of thousands of stray '<' costs linear time, not quadratic
  private static final Pattern BLOCK =
      Pattern.compile(
          "(?i)</?(p|div|br|h[1-6]|li|tr|section|article|header|footer|title)\\b[^<>]*>");
  private static final Pattern TAG = Pattern.compile("<[^<>]*>");

  private HtmlText() {}

  public static String toText(String html) {
    String s = dropNonText(html);
    s = BLOCK.matcher(s).replaceAll("\n");
    s = TAG.matcher(s).replaceAll("");
    s =
        s.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    return s.replaceAll("[ \\t]+", " ").replaceAll("\\n\\s*\\n+", "\n\n").strip();
  }

  /**
   * Drops comments and script, style, noscript and template elements in one pass. An element or
   * comment left open runs to the end of the page, as in a browser. (A regex with a lazy {@code
   * .*?} rescanned the rest of the page for every unclosed tag: minutes on a crafted file.)
   */
  static String dropNonText(String html) {
    StringBuilder out = new StringBuilder(html.length());
    int i = 0;
    int n = html.length();
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0) {
        out.append(html, i, n);
        break;
      }
      out.append(html, i, lt);
      if (html.startsWith("<!--", lt)) {
        int end = html.indexOf("-->", lt + 4);
        out.append(' ');
        i = end < 0 ? n : end + 3;
        continue;
      }
      String element = droppedElementAt(html, lt);
      if (element == null) {
        out.append('<');
        i = lt + 1;
        continue;
      }
      int close = closingTag(html, lt + 1 + element.length(), element);
      out.append(' ');
      if (close < 0) {
        i = n;
      } else {
        int gt = html.indexOf('>', close);
        i = gt < 0 ? n : gt + 1;
      }
    }
    return out.toString();
  }

  /** The dropped element whose opening tag starts at {@code lt}, or null. */
  private static String droppedElementAt(String html, int lt) {
    for (String e : DROPPED) {
      int after = lt + 1 + e.length();
      if (html.regionMatches(true, lt + 1, e, 0, e.length())
          && (after >= html.length() || !Character.isLetterOrDigit(html.charAt(after)))) {
        return e;
      }
    }
    return null;
  }

  /** Where {@code </element} starts at or after {@code from}, ignoring case, or -1. */
  private static int closingTag(String html, int from, String element) {
    for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
      if (html.regionMatches(true, i + 2, element, 0, element.length())) {
        return i;
      }
    }
    return -1;
  }
}
