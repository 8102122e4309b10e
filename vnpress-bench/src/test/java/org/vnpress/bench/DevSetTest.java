package org.vnpress.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnpress.extract.Extractor;

/**
 * The acceptance figures of issue 5 on the hand-labelled dev set. Skipped while the dev set has not
 * been merged into this branch.
 */
class DevSetTest {

  private static final Path DEVSET =
      Path.of(System.getProperty("vnpress.project", ".")).resolve(ExtractionBench.DEVSET);

  private static ExtractionBench.Scores scores;

  @BeforeAll
  static void score() throws IOException {
    Path shared =
        org.vnpress.Fixtures.shared("corpus/baomoi_2017.jsonl.gz").getParent().getParent();
    if (Files.exists(DEVSET)) {
      scores =
          ExtractionBench.score(ExtractionBench.readDevSet(DEVSET), Extractor.standard(), shared);
    }
  }

  private static ExtractionBench.Scores scores() {
    assumeTrue(scores != null, "dev set not present yet: " + DEVSET);
    return scores;
  }

  @Test
  void everyLabelledDocumentIsFoundInTheCorpus() {
    assertThat(scores().missing()).isEmpty();
  }

  @Test
  void documentNumberPrecisionIsAtLeast98Percent() {
    assertThat(scores().documents().precision()).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void documentNumberRecallIsAtLeast95Percent() {
    assertThat(scores().documents().recall()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void districtPrecisionIsAtLeast95Percent() {
    assertThat(scores().districts().precision()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void districtRecallIsAtLeast85Percent() {
    assertThat(scores().districts().recall()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void noPublicationDateIsInvented() {
    assertThat(scores().inventedDates()).isZero();
  }
}
