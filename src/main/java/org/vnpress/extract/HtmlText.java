package org.vnpress.extract;

import java.util.regex.Pattern;

/** Plain text from an HTML page: scripts and styles dropped, block tags as line breaks. */
public final class HtmlText {
  private static final Pattern DROP =
      Pattern.compile("(?is)<(script|style|noscript|template)\\b.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern BLOCK =
      Pattern.compile("(?i)</?(p|div|br|h[1-6]|li|tr|section|article|header|footer|title)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private HtmlText() {}

  public static String toText(String html) {
    String s = DROP.matcher(html).replaceAll(" ");
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
}
