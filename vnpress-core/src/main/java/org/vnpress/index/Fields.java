package org.vnpress.index;

import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;

/** Names of the non-text index fields and the facet configuration, in one place. */
public final class Fields {

  /** Stable document id, a keyword: re-indexing the same id replaces the document. */
  public static final String ID = "id";

  /**
   * Publication date as epoch day of its first possible day; points for ranges, doc values to sort.
   */
  public static final String DATE = "date";

  /** The extracted record as JSON (without the body, which {@link TextFields#BODY} stores). */
  public static final String RECORD = "record";

  /** {@code dim␟value␟label} for every facet value of a document: the facet labels' dictionary. */
  public static final String LABELS = "labels";

  /** Facet dimensions, in the order the API lists them. */
  public static final String DISTRICT = "district";

  public static final String QUARTER = "quarter";
  public static final String YEAR = "year";
  public static final String DOCUMENT = "document";
  public static final String DOCTYPE = "doctype";
  public static final String ISSUER = "issuer";
  public static final String PERIOD = "period";
  public static final String PLACE = "place";

  /** Officials by canonical name ({@code Nguyễn Văn Dũng}). */
  public static final String PERSON = "person";

  /** Posts with their units ({@code Chánh Văn phòng Quận ủy Hoàn Kiếm}). */
  public static final String POST = "post";

  /** The body of the meeting a release reports ({@code Ban Chấp hành}). */
  public static final String MEETING_BODY = "meetingBody";

  /** The meeting's session number ({@code 16}). */
  public static final String SESSION = "session";

  /** The meeting's term in Roman numerals ({@code XXVI}). */
  public static final String TERM = "term";

  /**
   * Cited numbers with the term or year the release gives them ({@code 06-CTr/TU@XVII}): Party
   * numbers restart every term, so two documents may share a number.
   */
  public static final String EDITION = "edition";

  public static final List<String> FACETS =
      List.of(
          DISTRICT,
          QUARTER,
          YEAR,
          DOCUMENT,
          DOCTYPE,
          ISSUER,
          PERIOD,
          PLACE,
          PERSON,
          POST,
          MEETING_BODY,
          SESSION,
          TERM,
          EDITION);

  /** Filter-only: the release's own document number (the resolution itself). */
  public static final String NUMBER = "number";

  /** Filter-only: numbers the release cites, its own number left out. */
  public static final String CITES = "cites";

  /**
   * Dimensions a search may filter on but that are never counted or listed: plain keyword terms
   * ({@link #filterField}), not facets, so they cost the facet counting nothing.
   */
  public static final List<String> FILTER_ONLY = List.of(NUMBER, CITES);

  /** The keyword field of a filter-only dimension. */
  public static String filterField(String dim) {
    return "f_" + dim;
  }

  /**
   * Newest first, undated releases last: the order of the index itself, so that a date-ordered page
   * (and the empty query's) reads its first documents and stops.
   */
  public static final Sort BY_DATE =
      new Sort(LongField.newSortField(DATE, true, SortedNumericSelector.Type.MIN, Long.MIN_VALUE));

  /**
   * The index layout's version, kept in every commit: an index of another version is rebuilt from
   * its stored records when it is opened. 2: syllable-pair fields, sorted by date. 3: people,
   * meetings, own and cited numbers (records stored before are given them from their text).
   */
  public static final String SCHEMA = "3";

  /** The commit user-data key of {@link #SCHEMA}. */
  public static final String SCHEMA_KEY = "vnpress.schema";

  /** Separates dim, value and label in {@link #LABELS}. */
  public static final char LABEL_SEPARATOR = '\u001F';

  private Fields() {}

  /** Facet configuration: every dimension may hold several values except quarter and year. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (String dim : FACETS) {
      config.setMultiValued(dim, !dim.equals(QUARTER) && !dim.equals(YEAR));
    }
    return config;
  }
}
