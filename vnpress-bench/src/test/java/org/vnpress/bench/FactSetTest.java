package org.vnpress.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;

/**
 * People and meetings (issue 20) on the labelled fact set. The seeds, the resolutions and the DANeS
 * part ship in the repository and are scored on every clone; the baomoi and VNDS parts need {@code
 * ../shared}. Targets: 100% on the seeds; precision ≥ 0.95 and recall ≥ 0.85 on the dev part.
 */
class FactSetTest {

  private static final Path HOME = Path.of(System.getProperty("vnpress.project", "."));

  private static List<FactsBench.Label> labels;
  private static Extractor x;

  @BeforeAll
  static void read() throws IOException {
    labels = FactsBench.read(HOME.resolve(FactsBench.FACTSET));
    x = Extractor.standard();
  }

  private static Map<String, FactsBench.Counts> scored(Path shared) throws IOException {
    return FactsBench.score(labels, x, shared, HOME);
  }

  @Test
  void theSeedsOfficialsAndMeetingsAreAllFound() throws IOException {
    FactsBench.Counts seeds = scored(Path.of("/nonexistent")).get("seeds");
    assertThat(seeds.missing()).isEmpty();
    assertThat(seeds.texts()).isEqualTo(5);
    assertThat(seeds.errors()).isEmpty();
    assertThat(seeds.names().truePositives()).isEqualTo(2);
    assertThat(seeds.meetings().truePositives()).isEqualTo(3);
  }

  @Test
  void theResolutionsMeetingIsTheOneTheyAreNamedAfter() throws IOException {
    FactsBench.Counts r = scored(Path.of("/nonexistent")).get("resolutions");
    assertThat(r.texts()).isEqualTo(35);
    assertThat(r.meetings().precision()).isEqualTo(1.0);
    assertThat(r.meetings().recall()).isEqualTo(1.0);
  }

  @Test
  void noNameOnTheDanesPartIsWrong() throws IOException {
    FactsBench.Counts d = scored(Path.of("/nonexistent")).get("danes");
    assertThat(d.texts()).isEqualTo(45);
    assertThat(d.names().precision()).isGreaterThanOrEqualTo(0.95);
    assertThat(d.meetings().precision()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void theTargetsHoldOnTheDevPart() throws IOException {
    Path shared = Fixtures.shared("corpus/baomoi_2017.jsonl.gz").getParent().getParent();
    FactsBench.Counts dev = scored(shared).get("dev");
    assertThat(dev.missing()).isEmpty();
    assertThat(dev.names().precision()).isGreaterThanOrEqualTo(0.95);
    assertThat(dev.names().recall()).isGreaterThanOrEqualTo(0.85);
    assertThat(dev.meetings().precision()).isGreaterThanOrEqualTo(0.95);
    assertThat(dev.meetings().recall()).isGreaterThanOrEqualTo(0.85);
  }
}
