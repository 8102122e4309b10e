package org.vnpress.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds Party document numbers ({@code 15-NQ/TƯ}). First version; the extraction issue deepens it. */
public class DocumentNumberExtractor {
  private static final Pattern PARTY =
      Pattern.compile("(?<![\\p{L}\\d])(\\d{1,4})\\s?-\\s?(NQ|CT|CTr|KL|QĐ|HD|TB|BC)/(TƯ|TW|T\\.Ư|TU)(?![\\p{L}\\d])");

  public List<DocumentRef> extract(String text) {
    Map<String, DocumentRef> found = new LinkedHashMap<>();
    Matcher m = PARTY.matcher(text);
    while (m.find()) {
      String issuer = m.group(3).equals("TU") ? "TU" : "TW";
      String value = m.group(1) + "-" + m.group(2).toUpperCase(java.util.Locale.ROOT) + "/" + issuer;
      found.putIfAbsent(
          value,
          new DocumentRef(
              value,
              m.group(2).toUpperCase(java.util.Locale.ROOT),
              m.group(2),
              issuer,
              issuer.equals("TW") ? "Trung ương" : "Thành ủy/Tỉnh ủy",
              issuer.equals("TW") ? "central" : "province",
              null));
    }
    return List.copyOf(found.values());
  }
}
