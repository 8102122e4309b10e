package org.vnpress.search;

import java.util.List;
import org.vnpress.extract.District;
import org.vnpress.extract.DocumentRef;

/** A stored release with everything extracted from it: {@code GET /api/documents/{id}}. */
public record DocumentView(
    String id,
    String title,
    String displayTitle,
    String date,
    String datePrecision,
    String quarter,
    List<District> districts,
    List<DocumentRef> documents,
    String source,
    String url,
    String body,
    Extracted extracted) {

  /** Details beyond the search fields. */
  public record Extracted(
      String author, List<String> periods, List<District> places, List<String> notes) {}
}
