package org.vnpress.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.Sources;

/** The one check every written release passes, and the CLI path applying it. */
class ReleaseRulesTest {

  @TempDir Path dir;

  private static PressRelease seed() {
    return Fixtures.seedReleases().get(4);
  }

  private static PressRelease with(String id, String title, String body, String url, String src) {
    PressRelease r = seed();
    return new PressRelease(
        id,
        title,
        r.displayTitle(),
        body,
        r.date(),
        r.author(),
        url,
        src,
        r.districts(),
        r.places(),
        r.documents(),
        r.periods(),
        r.notes());
  }

  @Test
  void theSeedsPass() {
    for (PressRelease r : Fixtures.seedReleases()) {
      assertThat(ReleaseRules.problem(r)).as(r.id()).isNull();
    }
  }

  @Test
  void everyLimitIsNamed() {
    PressRelease r = seed();
    // 512 UTF-8 bytes is the most; one byte more is refused
    assertThat(ReleaseRules.idProblem("ệ".repeat(170) + "ab")).isNull();
    assertThat(ReleaseRules.idProblem("ệ".repeat(171))).contains("513 UTF-8 bytes");
    assertThat(ReleaseRules.idProblem("a\u0000b")).contains("control character");
    assertThat(ReleaseRules.idProblem("a\tb")).contains("control character");
    assertThat(ReleaseRules.idProblem(" ")).isEqualTo("the id is empty");
    assertThat(ReleaseRules.problem(with(r.id(), "T".repeat(1_001), r.body(), null, null)))
        .isEqualTo("\"title\" has 1,001 characters; at most 1,000 are allowed");
    assertThat(ReleaseRules.problem(with(r.id(), null, r.body().repeat(400), null, null)))
        .contains("\"body\" has")
        .contains("at most 1,000,000");
    assertThat(
            ReleaseRules.problem(
                with(r.id(), null, r.body(), "http://x/" + "a".repeat(2_100), null)))
        .contains("\"url\" has 2,109 characters");
    assertThat(ReleaseRules.problem(with(r.id(), null, r.body(), null, "S".repeat(201))))
        .contains("\"source\" has 201 characters");
    assertThat(ReleaseRules.problem(with("x".repeat(600), "T".repeat(1_001), r.body(), null, null)))
        .contains("600 UTF-8 bytes")
        .contains("\"title\"");
  }

  @Test
  void theCliRejectsWhatTheApiRejectsWithFileAndLine() throws IOException {
    ObjectMapper json = new ObjectMapper();
    String body = seed().body();
    Path f =
        Files.writeString(
            dir.resolve("r.jsonl"),
            json.writeValueAsString(json.createObjectNode().put("id", "ok").put("body", body))
                + "\n"
                + json.writeValueAsString(
                    json.createObjectNode().put("id", "é".repeat(11_000)).put("body", body))
                + "\n"
                + json.writeValueAsString(
                    json.createObjectNode()
                        .put("id", "t")
                        .put("title", "T".repeat(1_500))
                        .put("body", body))
                + "\n");
    try (PressIndex idx = PressIndex.inMemory()) {
      Ingest.Summary s =
          new Ingest(idx, new Sources(Extractor.standard())).run(List.of(f), Ingest.Progress.NONE);
      assertThat(s.added()).isEqualTo(1);
      assertThat(s.rejected())
          .extracting(Sources.Rejected::origin)
          .containsExactly(f + ":2", f + ":3");
      assertThat(s.rejected().get(0).reason()).contains("22,000 UTF-8 bytes");
      assertThat(idx.count()).isEqualTo(1);
    }
  }
}
