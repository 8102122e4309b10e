package org.vnpress.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;

/**
 * {@link VietnameseTokenizer} alone, with and without document-number parts, under Lucene's checks.
 */
public class VietnameseTokenizerTokenStreamTest extends VietnameseTokenStreamTestCase {

  private static final String A = "<ALPHANUM>";
  private static final String N = "<NUM>";
  private static final String D = VietnameseTokenizer.DOCNUM_TYPE;

  private Analyzer index;
  private Analyzer query;

  private static Analyzer tokenizerAlone(boolean parts) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new VietnameseTokenizer(parts));
      }
    };
  }

  @Override
  public void setUp() throws Exception {
    super.setUp();
    index = tokenizerAlone(true);
    query = tokenizerAlone(false);
  }

  @Override
  public void tearDown() throws Exception {
    index.close();
    query.close();
    super.tearDown();
  }

  // Lucene's random strings, with and without parts
  public void testRandomStrings() throws Exception {
    checkRandomData(random(), index, LUCENE_ITERATIONS);
    checkRandomData(random(), query, LUCENE_ITERATIONS);
  }

  // Lucene's random strings with long words: the 255-char cut and the growing buffer
  public void testRandomHugeStrings() throws Exception {
    checkRandomData(random(), index, 20, 8192);
    checkRandomData(random(), query, 20, 8192);
  }

  // Vietnamese-like text: syllables in every form, document numbers, T.Ư, numbers, punctuation
  public void testRandomVietnamese() throws Exception {
    checkRandomVietnamese(index, VIETNAMESE_ITERATIONS);
    checkRandomVietnamese(query, VIETNAMESE_ITERATIONS);
  }

  // index time: the canonical document number spans its parts, which follow at its positions
  public void testDocumentNumberWithParts() throws Exception {
    assertTokenStreamContents(
        index.tokenStream("f", "Nghị quyết số 15-NQ/TƯ của"),
        new String[] {"Nghị", "quyết", "số", "15-nq/tw", "15", "nq", "tw", "của"},
        new int[] {0, 5, 11, 14, 14, 17, 20, 23},
        new int[] {4, 10, 13, 22, 16, 19, 22, 26},
        new String[] {A, A, A, D, A, A, A, A},
        new int[] {1, 1, 1, 1, 0, 1, 1, 1},
        new int[] {1, 1, 1, 3, 1, 1, 1, 1},
        26,
        null,
        new boolean[] {false, false, false, true, false, false, false, false},
        true,
        null);
  }

  // query time: only the canonical token; the next word skips the parts' positions
  public void testDocumentNumberAtQueryTime() throws Exception {
    assertAnalyzesTo(
        query,
        "Nghị quyết số 15-NQ/TƯ của",
        new String[] {"Nghị", "quyết", "số", "15-nq/tw", "của"},
        new int[] {0, 5, 11, 14, 23},
        new int[] {4, 10, 13, 22, 26},
        new String[] {A, A, A, D, A},
        new int[] {1, 1, 1, 1, 3},
        new int[] {1, 1, 1, 1, 1});
  }

  // query time: a document number at the end leaves its skipped positions to end()
  public void testDocumentNumberAtQueryTimeEnd() throws Exception {
    assertTokenStreamContents(
        query.tokenStream("f", "số 100/2019/NĐ-CP"),
        new String[] {"số", "100/2019/nd-cp"},
        new int[] {0, 3},
        new int[] {2, 17},
        null,
        new int[] {1, 1},
        null,
        17,
        3,
        null,
        true,
        null);
  }

  // a space after the dash: the canonical token covers it, the parts do not
  public void testSpaceAfterDash() throws Exception {
    assertAnalyzesTo(
        index,
        "15- NQ/TƯ",
        new String[] {"15-nq/tw", "15", "nq", "tw"},
        new int[] {0, 0, 4, 7},
        new int[] {9, 2, 6, 9},
        new String[] {D, A, A, A},
        new int[] {1, 0, 1, 1},
        new int[] {3, 1, 1, 1});
  }

  // a dotted issuer T.Ư and a decomposed TƯ are tw
  public void testIssuerSpellings() throws Exception {
    assertAnalyzesTo(
        index,
        "15-NQ/T.Ư 15-NQ/TU\u031B",
        new String[] {"15-nq/tw", "15", "nq", "tw", "15-nq/tw", "15", "nq", "tw"},
        new int[] {0, 0, 3, 6, 10, 10, 13, 16},
        new int[] {9, 2, 5, 9, 19, 12, 15, 19},
        new int[] {1, 0, 1, 1, 1, 0, 1, 1});
  }

  // a standalone T.Ư is the keyword tw, its offsets the three chars written
  public void testCentralCommittee() throws Exception {
    assertTokenStreamContents(
        index.tokenStream("f", "của T.Ư, TP"),
        new String[] {"của", "tw", "TP"},
        new int[] {0, 4, 9},
        new int[] {3, 7, 11},
        null,
        new int[] {1, 1, 1},
        null,
        11,
        null,
        new boolean[] {false, true, false},
        true,
        null);
  }

  // decomposed text stays one token with its marks; the filters compose it
  public void testDecomposedSyllable() throws Exception {
    assertAnalyzesTo(
        index,
        "Qua\u0302\u0323n u\u0309y",
        new String[] {"Qua\u0302\u0323n", "u\u0309y"},
        new int[] {0, 7},
        new int[] {6, 10});
  }

  // decimals and thousands stay whole, as numbers
  public void testNumbers() throws Exception {
    assertAnalyzesTo(
        index,
        "tăng 9,54% và 1.000 tỷ",
        new String[] {"tăng", "9,54", "và", "1.000", "tỷ"},
        new int[] {0, 5, 11, 14, 20},
        new int[] {4, 9, 13, 19, 22},
        new String[] {A, N, A, N, A},
        new int[] {1, 1, 1, 1, 1});
  }

  // letters outside the BMP are letters, whole surrogate pairs
  public void testSupplementaryLetters() throws Exception {
    assertAnalyzesTo(
        index,
        "𠀀𠀁 ab 😀 c",
        new String[] {"𠀀𠀁", "ab", "c"},
        new int[] {0, 5, 11},
        new int[] {4, 7, 12});
  }

  // a word longer than 255 chars is cut into pieces, like StandardTokenizer
  public void testLongWordCut() throws Exception {
    String word = "a".repeat(300);
    assertAnalyzesTo(
        index,
        word,
        new String[] {"a".repeat(255), "a".repeat(45)},
        new int[] {0, 255},
        new int[] {255, 300});
  }

  // a tokenizer on its own, without an analyzer: reset, tokens, end, close, and again
  public void testTokenizerReuse() throws Exception {
    Tokenizer t = new VietnameseTokenizer(true);
    t.setReader(new java.io.StringReader("15-NQ/TW hoà"));
    assertTokenStreamContents(t, new String[] {"15-nq/tw", "15", "nq", "tw", "hoà"});
    t.setReader(new java.io.StringReader("T.Ư"));
    assertTokenStreamContents(t, new String[] {"tw"}, new int[] {0}, new int[] {3}, 3);
  }

  // incrementToken() without reset() is refused, even after a text that was only partly read
  public void testIncrementWithoutReset() throws Exception {
    try (TokenStream ts = index.tokenStream("f", "hai từ")) {
      ts.reset();
      assertTrue(ts.incrementToken());
      ts.end();
    }
    TokenStream ts = index.tokenStream("f", "khác");
    expectThrows(IllegalStateException.class, ts::incrementToken);
    ts.close();
  }

  // a run of codes longer than a token is not a document number: it was one term of any length,
  // and a document holding one of more than 32766 bytes could not be indexed at all
  public void testOverlongDocumentNumber() throws Exception {
    String text = "15-NQ/" + "NQ/".repeat(200) + "TW";
    List<String> words = new ArrayList<>(List.of("15"));
    words.addAll(Collections.nCopies(201, "NQ"));
    words.add("TW");
    assertAnalyzesTo(index, text, words.toArray(new String[0]));
    assertAnalyzesTo(query, text, words.toArray(new String[0]));
  }

  // up to 255 chars it still is one
  public void testLongDocumentNumber() throws Exception {
    String text = "15-NQ/" + "NQ/".repeat(80) + "TW";
    assertEquals(248, text.length());
    assertAnalyzesTo(
        query,
        text,
        new String[] {text.toLowerCase(Locale.ROOT)},
        new int[] {0},
        new int[] {248},
        new String[] {D},
        new int[] {1});
  }

  // a letter outside the BMP right after a document number or T.Ư continues the word, as a
  // Vietnamese letter does (15-NQ/TWà); it was taken for a word boundary
  public void testSupplementaryLetterAfterDocumentNumber() throws Exception {
    assertAnalyzesTo(index, "15-NQ/TWà", new String[] {"15", "NQ", "TWà"});
    assertAnalyzesTo(index, "15-NQ/TW𠀀", new String[] {"15", "NQ", "TW𠀀"});
    assertAnalyzesTo(index, "15-NQ/TW/𠀀", new String[] {"15-nq/tw", "15", "nq", "tw", "𠀀"});
    assertAnalyzesTo(index, "T.Ưà T.Ư𠀀", new String[] {"T", "Ưà", "T", "Ư𠀀"});
    assertAnalyzesTo(index, "T.W.a T.W.𠀀", new String[] {"T", "W", "a", "T", "W", "𠀀"});
  }
}
