package org.vnpress.search;

import java.util.List;
import org.vnpress.extract.District;
import org.vnpress.extract.DocumentRef;
import org.vnpress.extract.Meeting;
import org.vnpress.extract.Person;
import org.vnpress.extract.PressRelease;

/** One search result: what a result list shows. Snippets are HTML-escaped with only mark tags. */
public record Hit(
    String id,
    String title,
    String titleHtml,
    String date,
    String datePrecision,
    String quarter,
    List<District> districts,
    List<DocumentRef> documents,
    List<String> periods,
    List<Person> people,
    Meeting meeting,
    String source,
    String url,
    String snippet,
    float score) {

  /**
   * A hit for a stored release, as every backend makes it.
   *
   * @param titleHtml the highlighted title, or null to show the escaped title
   * @param snippetHtml the highlighted passages, or null when there are none
   */
  public static Hit of(PressRelease r, String titleHtml, String snippetHtml, float score) {
    String title = r.displayTitle() == null ? "" : r.displayTitle();
    return new Hit(
        r.id(),
        r.displayTitle(),
        titleHtml != null ? titleHtml : Html.escape(title),
        r.date().iso(),
        r.date().precision().label(),
        r.quarter(),
        r.districts(),
        r.documents(),
        r.periods(),
        r.people(),
        r.meeting(),
        r.source(),
        r.url(),
        snippetHtml == null ? "" : snippetHtml.replaceAll("\\s+", " ").strip(),
        score);
  }
}
