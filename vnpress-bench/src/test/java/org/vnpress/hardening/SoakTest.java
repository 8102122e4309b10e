package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.bench.SoakBench;

/**
 * A small soak in {@code verify}: 8 searching clients (half their queries hostile) and 1 writer
 * over loopback. The full run is {@code bin/vnpress bench soak}; its figures are in
 * docs/reliability.md.
 */
class SoakTest {

  @Test
  void searchersAndAWriterTogetherLoseNothingAndNeverFail() throws Exception {
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    SoakBench.Result r =
        SoakBench.run(
            new SoakBench.Config(8, 15, 10, 0.5, 7L, Fixtures.seeds()),
            new PrintStream(report, true, StandardCharsets.UTF_8));
    System.out.print(report.toString(StandardCharsets.UTF_8));
    assertThat(r.problems()).as(report.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(r.searches()).isEqualTo(120);
    assertThat(r.documents()).isEqualTo(r.expectedDocuments()).isEqualTo(5 + 10);
    assertThat(report.toString(StandardCharsets.UTF_8)).contains("PASS").contains("p99");
  }
}
