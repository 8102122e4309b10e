package org.vnpress.analysis;

import java.util.EnumMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.vnpress.analysis.VietnameseAnalyzer.Key;
import org.vnpress.analysis.VietnameseAnalyzer.Mode;

/** Every {@link VietnameseAnalyzer} chain, each key in each mode, under Lucene's checks. */
public class VietnameseAnalyzerTokenStreamTest extends VietnameseTokenStreamTestCase {

  private final Map<Key, Map<Mode, Analyzer>> chains = new EnumMap<>(Key.class);

  @Override
  public void setUp() throws Exception {
    super.setUp();
    for (Key key : Key.values()) {
      Map<Mode, Analyzer> byMode = new EnumMap<>(Mode.class);
      for (Mode mode : Mode.values()) {
        byMode.put(mode, new VietnameseAnalyzer(key, mode));
      }
      chains.put(key, byMode);
    }
  }

  @Override
  public void tearDown() throws Exception {
    for (Map<Mode, Analyzer> byMode : chains.values()) {
      for (Analyzer a : byMode.values()) {
        a.close();
      }
    }
    super.tearDown();
  }

  private Analyzer chain(Key key, Mode mode) {
    return chains.get(key).get(mode);
  }

  private interface ChainCheck {
    void run(Analyzer a) throws Exception;
  }

  /** Runs a check on all six chains, naming the key and mode in a failure. */
  private void forEachChain(ChainCheck check) throws Exception {
    for (Key key : Key.values()) {
      for (Mode mode : Mode.values()) {
        try {
          check.run(chain(key, mode));
        } catch (AssertionError e) {
          throw new AssertionError(key + " " + mode + ": " + e.getMessage(), e);
        }
      }
    }
  }

  // Lucene's random strings through all six chains
  public void testRandomStrings() throws Exception {
    forEachChain(a -> checkRandomData(random(), a, LUCENE_ITERATIONS));
  }

  // Lucene's random strings with long words
  public void testRandomHugeStrings() throws Exception {
    forEachChain(a -> checkRandomData(random(), a, 10, 8192));
  }

  // Vietnamese-like text through all six chains; the abbreviation list's spellings make graphs
  public void testRandomVietnamese() throws Exception {
    forEachChain(a -> checkRandomVietnamese(a, VIETNAMESE_ITERATIONS));
  }

  private static final String A = "<ALPHANUM>";
  private static final String S = "SYNONYM";
  private static final String D = VietnameseTokenizer.DOCNUM_TYPE;

  // index time: the canonical document number, then its parts on its positions, on both keys
  public void testDocumentNumberIndexed() throws Exception {
    for (Key key : Key.values()) {
      assertAnalyzesTo(
          chain(key, Mode.INDEX),
          "Nghị quyết số 15-NQ/TƯ của",
          key == Key.EXACT
              ? new String[] {"nghị", "quyết", "số", "15-nq/tw", "15", "nq", "tw", "của"}
              : new String[] {"nghi", "quyet", "so", "15-nq/tw", "15", "nq", "tw", "cua"},
          new int[] {0, 5, 11, 14, 14, 17, 20, 23},
          new int[] {4, 10, 13, 22, 16, 19, 22, 26},
          new String[] {A, A, A, D, A, A, A, A},
          new int[] {1, 1, 1, 1, 0, 1, 1, 1},
          new int[] {1, 1, 1, 3, 1, 1, 1, 1});
    }
  }

  // a decree number: đ folded in the canonical token; in the parts only on the folded key
  public void testDecreeNumber() throws Exception {
    assertAnalyzesTo(
        chain(Key.EXACT, Mode.INDEX),
        "100/2019/NĐ-CP",
        new String[] {"100/2019/nd-cp", "100", "2019", "nđ", "cp"},
        new int[] {0, 0, 4, 9, 12},
        new int[] {14, 3, 8, 11, 14},
        new int[] {1, 0, 1, 1, 1});
    assertAnalyzesTo(
        chain(Key.FOLDED, Mode.INDEX),
        "100/2019/NĐ-CP",
        new String[] {"100/2019/nd-cp", "100", "2019", "nd", "cp"});
  }

  // query time: the number whole, the next word where the index has it, T.Ư expanded as a graph
  public void testDocumentNumberQueried() throws Exception {
    assertAnalyzesTo(
        chain(Key.EXACT, Mode.QUERY),
        "số 15-NQ/TƯ của T.Ư",
        new String[] {"số", "15-nq/tw", "của", "trung", "tw", "ương"},
        new int[] {0, 3, 12, 16, 16, 16},
        new int[] {2, 11, 15, 19, 19, 19},
        new String[] {A, D, A, S, A, S},
        new int[] {1, 1, 3, 1, 0, 1},
        new int[] {1, 1, 1, 1, 2, 1});
    assertAnalyzesTo(
        chain(Key.FOLDED, Mode.QUERY_WITHOUT_SYNONYMS),
        "số 15-NQ/TƯ của T.Ư",
        new String[] {"so", "15-nq/tw", "cua", "tw"},
        new int[] {0, 3, 12, 16},
        new int[] {2, 11, 15, 19},
        new int[] {1, 1, 3, 1});
  }

  // decomposed input: one key per syllable, offsets over the combining marks
  public void testDecomposedInput() throws Exception {
    String nfd = "Qua\u0302\u0323n u\u0309y";
    assertAnalyzesTo(
        chain(Key.EXACT, Mode.INDEX),
        nfd,
        new String[] {"quận", "ủy"},
        new int[] {0, 7},
        new int[] {6, 10},
        new int[] {1, 1});
    assertAnalyzesTo(
        chain(Key.FOLDED, Mode.QUERY),
        nfd,
        new String[] {"quan", "uy"},
        new int[] {0, 7},
        new int[] {6, 10},
        new int[] {1, 1});
  }

  // old-style tone placement: the key moves the tone, the offsets stay on what was written
  public void testOldStyleTones() throws Exception {
    assertAnalyzesTo(
        chain(Key.EXACT, Mode.INDEX),
        "Hoà bình, thuỷ lợi, khoẻ",
        new String[] {"hòa", "bình", "thủy", "lợi", "khỏe"},
        new int[] {0, 4, 10, 15, 20},
        new int[] {3, 8, 14, 18, 24});
  }

  // an abbreviation asks for its long form too: a graph beside the abbreviation
  public void testAbbreviationGraph() throws Exception {
    Analyzer a = chain(Key.EXACT, Mode.QUERY);
    assertAnalyzesTo(
        a,
        "UBND tỉnh",
        new String[] {"ủy", "ubnd", "ban", "nhân", "dân", "tỉnh"},
        new int[] {0, 0, 0, 0, 0, 5},
        new int[] {4, 4, 4, 4, 4, 9},
        new String[] {S, A, S, S, S, A},
        new int[] {1, 0, 1, 1, 1, 1},
        new int[] {1, 4, 1, 1, 1, 1});
    assertGraphStrings(a, "UBND tỉnh", "ubnd tỉnh", "ủy ban nhân dân tỉnh");
    assertAnalyzesTo(chain(Key.EXACT, Mode.QUERY_WITHOUT_SYNONYMS), "UBND", new String[] {"ubnd"});
    assertAnalyzesTo(chain(Key.EXACT, Mode.INDEX), "UBND", new String[] {"ubnd"});
  }

  // the long form asks for the abbreviation, whatever its tone placement, on the folded key too
  public void testLongFormGraph() throws Exception {
    Analyzer a = chain(Key.FOLDED, Mode.QUERY);
    assertAnalyzesTo(
        a,
        "Uỷ ban nhân dân tỉnh",
        new String[] {"ubnd", "uy", "ban", "nhan", "dan", "tinh"},
        new int[] {0, 0, 3, 7, 12, 16},
        new int[] {15, 2, 6, 11, 15, 20},
        new String[] {S, A, A, A, A, A},
        new int[] {1, 0, 1, 1, 1, 1},
        new int[] {4, 1, 1, 1, 1, 1});
    assertGraphStrings(a, "Uỷ ban nhân dân tỉnh", "ubnd tinh", "uy ban nhan dan tinh");
  }

  // a two-way list entry with three spellings: each asks for the others
  public void testThreeSpellings() throws Exception {
    assertGraphStrings(
        chain(Key.FOLDED, Mode.QUERY), "TP HCM", "tp hcm", "tphcm", "thanh pho ho chi minh");
  }

  // a text longer than the tokenizer keeps between documents, then short ones: reuse is clean
  public void testLongTextThenShort() throws Exception {
    Analyzer a = chain(Key.FOLDED, Mode.INDEX);
    String paragraph = "Ban Thường vụ Quận uỷ họp về Nghị quyết 15-NQ/TƯ. ";
    String longText = paragraph.repeat(2000);
    assertTrue(longText.length() > 1 << 16);
    checkAnalysisConsistency(random(), a, random().nextBoolean(), longText);
    assertAnalyzesTo(a, "Quận uỷ", new String[] {"quan", "uy"}, new int[] {0, 5}, new int[] {4, 7});
  }
}
