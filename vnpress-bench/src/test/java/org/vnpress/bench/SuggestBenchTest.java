package org.vnpress.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.InputRecord;
import org.vnpress.index.NgramTable;
import org.vnpress.search.restore.FallbackModel;

/** The accent benchmark's windows and baselines, on the seeds. */
class SuggestBenchTest {

  private static List<InputRecord> seeds() {
    return Fixtures.seedReleases().stream()
        .map(r -> new InputRecord(r.id(), r.displayTitle(), r.body(), null, null, null))
        .toList();
  }

  @Test
  void windowsAreFiveToSevenWordsTypedWithoutDiacritics() throws IOException {
    List<SuggestBench.Window> windows = SuggestBench.windows(seeds(), 100);
    assertThat(windows).isNotEmpty();
    for (SuggestBench.Window w : windows) {
      String[] typed = w.typed().split(" ");
      assertThat(typed.length).isBetween(5, 7).isEqualTo(w.expected().size());
      assertThat(w.typed()).matches("[a-z ]+");
      for (int i = 0; i < typed.length; i++) {
        // the expected syllable folds to what is typed (đ → d; the key writes kỳ as kì)
        String folded = new org.vnpress.analysis.VietnameseFolder().fold(w.expected().get(i));
        assertThat(folded.replace('y', 'i')).isEqualTo(typed[i].replace('y', 'i'));
      }
    }
    // the seeds are party and government releases: some windows hold a domain phrase
    assertThat(windows).anyMatch(SuggestBench.Window::domain);
  }

  @Test
  void theHeldOutDocumentsAreFixedByIdAndFew() {
    assertThat(SuggestBench.heldOut("baomoi-123")).isEqualTo(SuggestBench.heldOut("baomoi-123"));
    long held =
        java.util.stream.IntStream.range(0, 40_000)
            .filter(i -> SuggestBench.heldOut("doc-" + i))
            .count();
    assertThat(held).isBetween(800L, 1_200L);
  }

  @Test
  void theBaselinesReadTheSameCounts() {
    NgramTable t = FallbackModel.table();
    assertThat(SuggestBench.unigram(t, "nghi quyet")).containsExactly("nghị", "quyết");
    assertThat(SuggestBench.bigram(t, "tai nan giao thong"))
        .containsExactly("tai", "nạn", "giao", "thông");
  }

  @Test
  void aWordIsRightWhenLettersAndToneAreIgnoringCaseAndTonePlacement() {
    assertThat(SuggestBench.key("Hoà")).isEqualTo(SuggestBench.key("hòa"));
    assertThat(SuggestBench.key("Mỹ")).isEqualTo(SuggestBench.key("mĩ"));
    assertThat(SuggestBench.key("hoà")).isNotEqualTo(SuggestBench.key("hoá"));
  }
}
