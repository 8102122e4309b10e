package org.vnpress.index;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.vnpress.analysis.VietnameseAnalyzer;

/**
 * The analysed text of a release: which text fields exist, how each is analysed, and which fields
 * a search runs over. The one seam between the Vietnamese analysis and the index.
 */
public final class TextFields {

  /** Title, exact key (diacritics matter); stored for display and highlighting. */
  public static final String TITLE = "title";

  /** Body, exact key; stored for snippets. */
  public static final String BODY = "body";

  /** Title, folded key (no diacritics). */
  public static final String TITLE_FOLDED = "title_folded";

  /** Body, folded key. */
  public static final String BODY_FOLDED = "body_folded";

  /**
   * Stored, with positions for phrases. No offsets: the highlighter re-analyses the ten stored
   * texts it shows, which costs less than offsets in every posting (index size and speed).
   */
  private static final FieldType STORED_TEXT = textType(true);

  /** Not stored: the highlighter analyses the exact field's stored text with this field's key. */
  private static final FieldType INDEXED_TEXT = textType(false);

  private TextFields() {}

  private static FieldType textType(boolean stored) {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(stored);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    t.freeze();
    return t;
  }

  /** The text fields of one document. */
  public static List<Field> fields(String title, String body) {
    String t = title == null ? "" : title;
    return List.of(
        new Field(TITLE, t, STORED_TEXT),
        new Field(BODY, body, STORED_TEXT),
        new Field(TITLE_FOLDED, t, INDEXED_TEXT),
        new Field(BODY_FOLDED, body, INDEXED_TEXT));
  }

  /** The analyzer to index with: exact or folded key by field. */
  public static Analyzer indexAnalyzer() {
    Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Key.EXACT);
    Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Key.FOLDED);
    return new PerFieldAnalyzerWrapper(exact, Map.of(TITLE_FOLDED, folded, BODY_FOLDED, folded));
  }

  /** For highlighting: the stored field whose text each folded field was made from. */
  public static Map<String, String> maskedBy() {
    return Map.of(TITLE_FOLDED, TITLE, BODY_FOLDED, BODY);
  }
}
