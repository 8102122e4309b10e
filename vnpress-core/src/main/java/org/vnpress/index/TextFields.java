package org.vnpress.index;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexOptions;
import org.vnpress.analysis.SyllablePairAnalyzer;
import org.vnpress.analysis.SyllablePairFilter;
import org.vnpress.analysis.VietnameseAnalyzer;

/**
 * The analysed text of a release: which text fields exist, how each is analysed, and which fields a
 * search runs over. The one seam between the Vietnamese analysis and the index.
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
   * Neighbouring syllables of the title, folded, each pair one term ({@code hoi nghi}): adjacency
   * scored by term lookups with impacts, not positional checks (see {@link
   * org.vnpress.analysis.SyllablePairFilter}).
   */
  public static final String TITLE_PAIRS = "title_pairs";

  /** Neighbouring syllables of the body, folded. */
  public static final String BODY_PAIRS = "body_pairs";

  /**
   * Indexed with positions for phrases; the text is stored beside it as a {@link StoredField}. No
   * offsets: the highlighter re-analyses the ten stored texts it shows, which costs less than
   * offsets in every posting (index size and speed).
   */
  private static final FieldType INDEXED_TEXT = indexedType();

  /**
   * Pairs need no positions nor frequencies: whether two syllables stand together (1.33× → 1.29×
   * raw).
   */
  private static final FieldType PAIR_TEXT = pairType();

  private static final Analyzer EXACT = new VietnameseAnalyzer(VietnameseAnalyzer.Key.EXACT);

  private TextFields() {}

  private static FieldType indexedType() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(false);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    t.freeze();
    return t;
  }

  private static FieldType pairType() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(false);
    t.setIndexOptions(IndexOptions.DOCS);
    t.freeze();
    return t;
  }

  /**
   * The text fields of one document. Each text is analysed once, here, on the caller's thread: its
   * exact tokens are kept and replayed folded for the folded field (see {@link AnalyzedText}),
   * which gives the same terms as {@link #indexAnalyzer()} would.
   */
  public static List<Field> fields(String title, String body) {
    return fields(title, body, null);
  }

  /**
   * As {@link #fields(String, String)}; the analysed tokens also go to {@code counts} (when not
   * null), for the syllable language model.
   */
  public static List<Field> fields(String title, String body, TextCounts counts) {
    String t = title == null ? "" : title;
    AnalyzedText titleTokens = AnalyzedText.of(EXACT, TITLE, t);
    AnalyzedText bodyTokens = AnalyzedText.of(EXACT, BODY, body);
    if (counts != null) {
      counts.add(titleTokens, t);
      counts.add(bodyTokens, body);
    }
    return List.of(
        new StoredField(TITLE, t),
        new Field(TITLE, titleTokens.exact(), INDEXED_TEXT),
        new StoredField(BODY, body),
        new Field(BODY, bodyTokens.exact(), INDEXED_TEXT),
        new Field(TITLE_FOLDED, titleTokens.folded(), INDEXED_TEXT),
        new Field(BODY_FOLDED, bodyTokens.folded(), INDEXED_TEXT),
        new Field(TITLE_PAIRS, new SyllablePairFilter(titleTokens.folded()), PAIR_TEXT),
        new Field(BODY_PAIRS, new SyllablePairFilter(bodyTokens.folded()), PAIR_TEXT));
  }

  /**
   * The analyzer of each text field, exact or folded key by field: what {@link #fields} produces,
   * and what the highlighter and other engines (OpenSearch, Solr) analyse with.
   */
  public static Analyzer indexAnalyzer() {
    Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Key.EXACT);
    Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Key.FOLDED);
    Analyzer pairs = pairAnalyzer();
    return new PerFieldAnalyzerWrapper(
        exact,
        Map.of(TITLE_FOLDED, folded, BODY_FOLDED, folded, TITLE_PAIRS, pairs, BODY_PAIRS, pairs));
  }

  /**
   * The folded index chain followed by {@link SyllablePairFilter}: what the pair fields hold, and
   * how a query's words become pair terms (the same chain on both sides).
   */
  public static Analyzer pairAnalyzer() {
    return new SyllablePairAnalyzer();
  }

  /** For highlighting: the stored field whose text each folded field was made from. */
  public static Map<String, String> maskedBy() {
    return Map.of(TITLE_FOLDED, TITLE, BODY_FOLDED, BODY);
  }
}
