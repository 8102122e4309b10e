package org.vnpress.extract;

import java.util.List;

/**
 * One press release as vnpress stores it: what the source gave, plus what extraction found.
 *
 * @param id stable id (file stem, given id, or a hash of url or content)
 * @param title the title as published, or null when the source has none
 * @param displayTitle the title to show: {@code title}, else one derived from the first sentence
 * @param body the article text: title, date line and page furniture removed, spelling untouched
 * @param date publication date as far as the text tells, never invented
 * @param author byline, or null
 * @param url source link, or null
 * @param source publisher or site, or null
 * @param districts districts the release is about, {@code Province/District}
 * @param places wards and communes named: {@code Province/District/Unit} before the 2025-07-01
 *     reform, {@code Province/Unit} (the new units) after it
 * @param documents Party and state document numbers cited
 * @param periods reporting periods the text is about ({@code 2022-Q4}, {@code 2022-H1}, …)
 * @param notes how extraction treated the input (e.g. legacy encoding converted)
 * @param people officials named with their posts
 * @param meeting the meeting the release reports, or null
 * @param number the document this release is, when it is one (a resolution's own {@code Số:
 *     1656/NQ-UBTVQH15}), or null; it is also in {@code documents}
 */
public record PressRelease(
    String id,
    String title,
    String displayTitle,
    String body,
    PubDate date,
    String author,
    String url,
    String source,
    List<District> districts,
    List<District> places,
    List<DocumentRef> documents,
    List<String> periods,
    List<String> notes,
    List<Person> people,
    Meeting meeting,
    DocumentRef number) {

  public PressRelease {
    date = date == null ? PubDate.NONE : date;
    districts = districts == null ? List.of() : List.copyOf(districts);
    places = places == null ? List.of() : List.copyOf(places);
    documents = documents == null ? List.of() : List.copyOf(documents);
    periods = periods == null ? List.of() : List.copyOf(periods);
    notes = notes == null ? List.of() : List.copyOf(notes);
    people = people == null ? List.of() : List.copyOf(people);
  }

  /** A release without people, meeting or own number (records of the first layouts). */
  public PressRelease(
      String id,
      String title,
      String displayTitle,
      String body,
      PubDate date,
      String author,
      String url,
      String source,
      List<District> districts,
      List<District> places,
      List<DocumentRef> documents,
      List<String> periods,
      List<String> notes) {
    this(
        id,
        title,
        displayTitle,
        body,
        date,
        author,
        url,
        source,
        districts,
        places,
        documents,
        periods,
        notes,
        List.of(),
        null,
        null);
  }

  /** The quarter facet value ({@code 2022-Q4}) of the publication date, or null. */
  public String quarter() {
    return date.quarter();
  }

  /**
   * The same release with the fields found from its text since the third index layout, and the
   * notes of finding them (a finder that failed says so).
   */
  public PressRelease withFacts(
      List<Person> people, Meeting meeting, DocumentRef number, List<String> factNotes) {
    List<String> all = notes;
    if (!factNotes.isEmpty()) {
      all = new java.util.ArrayList<>(notes);
      all.addAll(factNotes);
    }
    return new PressRelease(
        id,
        title,
        displayTitle,
        body,
        date,
        author,
        url,
        source,
        districts,
        places,
        documents,
        periods,
        all,
        people,
        meeting,
        number);
  }

  /** The same release with other document references (terms added). */
  public PressRelease withDocuments(List<DocumentRef> refs) {
    return new PressRelease(
        id,
        title,
        displayTitle,
        body,
        date,
        author,
        url,
        source,
        districts,
        places,
        refs,
        periods,
        notes,
        people,
        meeting,
        number);
  }
}
