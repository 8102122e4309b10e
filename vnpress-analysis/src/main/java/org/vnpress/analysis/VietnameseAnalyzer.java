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
 * Analyzer for Vietnamese press text, for one matching {@link Key} and one {@link Mode}: {@link
 * VietnameseTokenizer} (syllables, document numbers, with their parts at index time), lowercase,
 * {@link VietnameseNormalizationFilter} (NFC, tone placement, i/y), then {@link
 * VietnameseFoldingFilter} for the folded key; in {@link Mode#QUERY}, {@link SynonymGraphFilter}
 * with the government abbreviations in {@code abbreviations.txt}.
 */
public final class VietnameseAnalyzer extends Analyzer {

  /** Which matching key the tokens carry: what the field holds. */
  public enum Key {
    /** Lowercase, NFC, tone placement canonical: diacritics matter. */
    EXACT,
    /** All diacritics removed and đ→d: what people type on phones. */
    FOLDED
  }

  /** What the tokens are for: index and query text are tokenized and expanded differently. */
  public enum Mode {
    /** Documents: document numbers with their parts stacked on them, no synonyms. */
    INDEX(true, false),
    /**
     * Queries: document numbers whole (the next word skips the positions of their parts, so that
     * phrases line up with the index), and the abbreviation synonyms as a token graph.
     */
    QUERY(false, true),
    /**
     * Queries without synonyms: for proximity and phrase boosts, where an expansion would only blur
     * which words must stand together, and for parsing the synonym list itself.
     */
    QUERY_WITHOUT_SYNONYMS(false, false);

    private final boolean parts;
    private final boolean synonyms;

    Mode(boolean parts, boolean synonyms) {
      this.parts = parts;
      this.synonyms = synonyms;
    }

    /** Whether document numbers are followed by their parts. */
    public boolean parts() {
      return parts;
    }

    /** Whether abbreviations expand to their long forms and back. */
    public boolean synonyms() {
      return synonyms;
    }
  }

  /** The abbreviation list, next to this class. */
  public static final String ABBREVIATIONS = "abbreviations.txt";

  private final Key key;
  private final Mode mode;
  private final SynonymMap synonyms;

  /** The index-time analyzer for a key ({@link Mode#INDEX}). */
  public VietnameseAnalyzer(Key key) {
    this(key, Mode.INDEX);
  }

  public VietnameseAnalyzer(Key key, Mode mode) {
    this.key = key;
    this.mode = mode;
    this.synonyms = mode.synonyms() ? loadSynonyms(key) : null;
  }

  public Key key() {
    return key;
  }

  public Mode mode() {
    return mode;
  }

  /**
   * The abbreviation synonyms for a key, parsed through the same chain as the query, so that the
   * list's spelling (tone placement, accents, case) need not match the user's.
   */
  public static SynonymMap loadSynonyms(Key key) {
    try (Analyzer parserAnalyzer = new VietnameseAnalyzer(key, Mode.QUERY_WITHOUT_SYNONYMS);
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

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new VietnameseTokenizer(mode.parts());
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
