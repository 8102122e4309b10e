package org.vnpress.search;

import java.util.List;
import org.vnpress.extract.District;
import org.vnpress.extract.DocumentRef;
import org.vnpress.extract.Meeting;
import org.vnpress.extract.Person;
import org.vnpress.extract.PressRelease;

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
    List<Person> people,
    Meeting meeting,
    DocumentRef number,
    String source,
    String url,
    String body,
    Extracted extracted) {

  /** The view of a stored release, as every backend shows it. */
  public static DocumentView of(PressRelease r) {
    return new DocumentView(
        r.id(),
        r.title(),
        r.displayTitle(),
        r.date().iso(),
        r.date().precision().label(),
        r.quarter(),
        r.districts(),
        r.documents(),
        r.people(),
        r.meeting(),
        r.number(),
        r.source(),
        r.url(),
        r.body(),
        new DocumentView.Extracted(r.author(), r.periods(), r.places(), r.notes()));
  }

  /** Details beyond the search fields. */
  public record Extracted(
      String author, List<String> periods, List<District> places, List<String> notes) {}
}
