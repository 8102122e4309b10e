package org.vnpress.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Analyzer for Vietnamese press text, at one of two matching levels: {@link VietnameseTokenizer}
 * (syllables, document numbers), lowercase, {@link VietnameseNormalizationFilter} (NFC, tone
 * placement, i/y), then {@link VietnameseFoldingFilter} for the folded key; at query time, {@link
 * SynonymGraphFilter} with the government abbreviations in {@code abbreviations.txt}.
 */
public final class VietnameseAnalyzer extends Analyzer {

  /** Which matching key the tokens carry. */
  public enum Key {
    /** Lowercase, NFC, tone placement canonical: diacritics matter. */
    EXACT,
    /** All diacritics removed and đ→d: what people type on phones. */
    FOLDED
  }

  /** The abbreviation list, next to this class. */
  public static final String ABBREVIATIONS = "abbreviations.txt";

  private final Key key;
  private final boolean queryTime;
  private final SynonymMap synonyms;

  /** The index-time analyzer for a key. */
  public VietnameseAnalyzer(Key key) {
    this(key, false);
  }

  /**
   * @param queryTime true to add query-time expansions (abbreviation synonyms) and to emit document
   *     numbers without their parts
   */
  public VietnameseAnalyzer(Key key, boolean queryTime) {
    this.key = key;
    this.queryTime = queryTime;
    this.synonyms = queryTime ? loadSynonyms(key) : null;
  }

  /**
   * A query-time analyzer without abbreviation synonyms: for proximity and phrase boosts, where an
   * expansion would only blur which words must stand together.
   */
  public static VietnameseAnalyzer withoutSynonyms(Key key) {
    return new VietnameseAnalyzer(key, (SynonymMap) null);
  }

  public Key key() {
    return key;
  }

  public boolean queryTime() {
    return queryTime;
  }

  /**
   * The abbreviation synonyms for a key, parsed through the same chain as the query, so that the
   * list's spelling (tone placement, accents, case) need not match the user's.
   */
  public static SynonymMap loadSynonyms(Key key) {
    try (Analyzer parserAnalyzer = new VietnameseAnalyzer(key, (SynonymMap) null);
        Reader list =
            new InputStreamReader(
                VietnameseAnalyzer.class.getResourceAsStream(ABBREVIATIONS),
                StandardCharsets.UTF_8)) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, parserAnalyzer);
      parser.parse(list);
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("bad abbreviation list " + ABBREVIATIONS, e);
    }
  }

  /** The entries of the abbreviation list as written: each a list of equivalent spellings. */
  public static List<List<String>> abbreviations() {
    List<List<String>> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                VietnameseAnalyzer.class.getResourceAsStream(ABBREVIATIONS),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        out.add(Arrays.stream(line.split(",")).map(String::strip).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The chain without synonyms, with query-time tokenization: for parsing the synonym list. */
  private VietnameseAnalyzer(Key key, SynonymMap none) {
    this.key = key;
    this.queryTime = true;
    this.synonyms = none;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new VietnameseTokenizer(!queryTime);
    // the order matters: the tone key is defined on lowercase letters, and folding must come
    // after it so that i/y (kỳ/kì) also meet in the folded key
    TokenStream result = new LowerCaseFilter(source);
    result = new VietnameseNormalizationFilter(result);
    if (key == Key.FOLDED) {
      result = new VietnameseFoldingFilter(result);
    }
    if (synonyms != null) {
      result = new SynonymGraphFilter(result, synonyms, true);
    }
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    // prefix and wildcard terms get the same key as indexed terms
    TokenStream result = new LowerCaseFilter(in);
    result = new VietnameseNormalizationFilter(result);
    return key == Key.FOLDED ? new VietnameseFoldingFilter(result) : result;
  }
}
