package org.vnpress.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.extract.PressRelease;

/**
 * The replayed tokens are exactly what analysing the text again gives: same terms, positions and
 * offsets, for the exact and the folded key, on the seeds, decomposed (NFD) text and document
 * numbers.
 */
class AnalyzedTextTest {

  private static final Analyzer EXACT = new VietnameseAnalyzer(VietnameseAnalyzer.Key.EXACT);
  private static final Analyzer FOLDED = new VietnameseAnalyzer(VietnameseAnalyzer.Key.FOLDED);

  private static List<String> tokens(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
    PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
    OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
    try (ts) {
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            term
                + "/"
                + posInc.getPositionIncrement()
                + "/"
                + offset.startOffset()
                + "-"
                + offset.endOffset());
      }
      ts.end();
      out.add("end " + offset.endOffset());
    }
    return out;
  }

  private static void assertSameAsAnalysing(String text) throws IOException {
    AnalyzedText kept = AnalyzedText.of(EXACT, TextFields.BODY, text);
    assertThat(tokens(kept.exact())).isEqualTo(tokens(EXACT.tokenStream(TextFields.BODY, text)));
    assertThat(tokens(kept.folded()))
        .isEqualTo(tokens(FOLDED.tokenStream(TextFields.BODY_FOLDED, text)));
  }

  @Test
  void everySeedReplaysAsItsOwnAnalysis() throws IOException {
    for (PressRelease r : Fixtures.seedReleases()) {
      assertSameAsAnalysing(r.body());
      assertSameAsAnalysing(r.displayTitle());
    }
  }

  @Test
  void decomposedTextAndDocumentNumbersReplayTheSame() throws IOException {
    String seed = Files.readString(Fixtures.seedFiles().get(0), StandardCharsets.UTF_8);
    assertSameAsAnalysing(Normalizer.normalize(seed, Normalizer.Form.NFD));
    // numbers keep their Party/state distinction in both keys: tw vs tu is a keyword token
    AnalyzedText kept =
        AnalyzedText.of(EXACT, TextFields.BODY, "Nghị quyết số 15-NQ/TƯ và Chỉ thị 05-CT/TU");
    assertThat(tokens(kept.folded())).anyMatch(t -> t.startsWith("15-nq/tw/"));
    assertThat(tokens(kept.folded())).anyMatch(t -> t.startsWith("05-ct/tu/"));
    assertSameAsAnalysing("Nghị quyết số 15-NQ/TƯ và Chỉ thị 05-CT/TU");
  }

  @Test
  void theReplayCanBeReadTwice() throws IOException {
    AnalyzedText kept = AnalyzedText.of(EXACT, TextFields.BODY, "Hội nghị lần thứ 16");
    TokenStream once = kept.exact();
    assertThat(tokens(once)).isEqualTo(tokens(once)).hasSize(kept.size() + 1);
    assertThat(kept.size()).isEqualTo(5);
  }

  @Test
  void emptyTextHasNoTokens() throws IOException {
    AnalyzedText kept = AnalyzedText.of(EXACT, TextFields.TITLE, "");
    assertThat(kept.size()).isZero();
    assertThat(tokens(kept.folded())).containsExactly("end 0");
  }
}
