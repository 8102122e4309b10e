package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.index.Ingest;
import org.vnpress.index.PressIndex;
import org.vnpress.search.LuceneBackend;

/** Duplicate ids within one {@code index} run: the last one wins and the earlier is reported. */
class DuplicateIdTest {

  @TempDir Path dir;

  @Test
  void lastRecordWithAnIdWinsAndTheEarlierIsReported() throws IOException {
    Path f =
        Files.writeString(
            dir.resolve("dup.jsonl"),
            "{\"id\":\"dup\",\"body\":\"Sáng 19-10, bản thứ nhất.\"}\n"
                + "{\"id\":\"other\",\"body\":\"Chiều 19-10, Hội nghị bế mạc.\"}\n"
                + "{\"id\":\"dup\",\"body\":\"Sáng 19-10, bản thứ hai.\"}\n");
    try (PressIndex idx = Fixtures.seedIndex()) {
      Ingest.Summary s =
          new Ingest(idx, new Sources(Extractor.standard())).run(List.of(f), Ingest.Progress.NONE);
      assertThat(s.rejected()).isEmpty();
      assertThat(s.duplicates())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.origin()).isEqualTo(f + ":1");
                assertThat(d.reason()).isEqualTo("duplicate id dup: replaced by " + f + ":3");
              });
      // nothing stored before is lost, and the id is there once
      assertThat(idx.count()).isEqualTo(5 + 2);
      assertThat(new LuceneBackend(idx).document("dup").orElseThrow().body())
          .contains("bản thứ hai");
    }
  }
}
