package org.vnpress.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnpress.extract.Extractor;

/**
 * The targets of issue 17 on the labelled news set (baomoi and VNDS texts read from {@code
 * ../shared}), on its dev and held-out parts apart: documents P ≥ 0.98 and R ≥ 0.95, districts P ≥
 * 0.97 and R ≥ 0.90, no date invented.
 */
class NewsSetTest {

  private static final Path NEWSSET =
      Path.of(System.getProperty("vnpress.project", ".")).resolve(ExtractionBench.NEWSSET);

  private static ExtractionBench.Scores dev;
  private static ExtractionBench.Scores heldout;

  @BeforeAll
  static void score() throws IOException {
    Path shared =
        org.vnpress.Fixtures.shared("corpus/baomoi_2017.jsonl.gz").getParent().getParent();
    List<ExtractionBench.Gold> all = ExtractionBench.readDevSet(NEWSSET);
    Extractor x = Extractor.standard();
    dev = ExtractionBench.score(part(all, "dev"), x, shared);
    heldout = ExtractionBench.score(part(all, "heldout"), x, shared);
  }

  private static List<ExtractionBench.Gold> part(List<ExtractionBench.Gold> all, String split) {
    return all.stream().filter(g -> g.split().equals(split)).toList();
  }

  @Test
  void everyLabelledTextIsInTheCorpusAndBothPartsAreThere() {
    assertThat(dev.missing()).isEmpty();
    assertThat(heldout.missing()).isEmpty();
    assertThat(dev.documentsScored()).isGreaterThanOrEqualTo(60);
    assertThat(heldout.documentsScored()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void documentNumbersOnBothParts() {
    for (ExtractionBench.Scores s : List.of(dev, heldout)) {
      assertThat(s.documents().precision()).isGreaterThanOrEqualTo(0.98);
      assertThat(s.documents().recall()).isGreaterThanOrEqualTo(0.95);
    }
  }

  @Test
  void districtsOnBothParts() {
    for (ExtractionBench.Scores s : List.of(dev, heldout)) {
      assertThat(s.districts().precision()).isGreaterThanOrEqualTo(0.97);
      assertThat(s.districts().recall()).isGreaterThanOrEqualTo(0.90);
    }
  }

  @Test
  void noPublicationDateIsInvented() {
    assertThat(dev.inventedDates() + heldout.inventedDates()).isZero();
  }
}
