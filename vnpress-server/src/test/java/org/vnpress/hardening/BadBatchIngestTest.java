package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

/** A folder mixing bad and good inputs, indexed into an index that already holds the seeds. */
class BadBatchIngestTest {

  @TempDir Path dir;

  @Test
  void badInputsAreRejectedTheRestIndexedAndNothingStoredIsLost() throws IOException {
    Files.write(dir.resolve("a-empty.txt"), new byte[0]);
    Files.write(dir.resolve("b-doc.txt"), "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(
        dir.resolve("c-tcvn3.txt"),
        "Ban ChÊp hµnh §¶ng bé quËn tæ chøc Héi nghÞ lÇn thø m­êi s¸u.\n");
    Files.writeString(
        dir.resolve("d-records.jsonl"),
        "{\"id\":\"good1\",\"body\":\"Sáng 19-10, Hội nghị lần thứ mười sáu.\"}\n"
            + "{broken\n"
            + "{\"id\":\"nobody\"}\n"
            + "{\"id\":\"good2\",\"body\":\"Chiều 19-10, Hội nghị bế mạc.\"}\n");
    try (PressIndex idx = Fixtures.seedIndex()) {
      Ingest.Summary s =
          new Ingest(idx, new Sources(Extractor.standard()))
              .run(List.of(dir), Ingest.Progress.NONE);
      // the TCVN3 file is converted, not lost: 3 added
      assertThat(s.added()).isEqualTo(3);
      assertThat(s.rejected())
          .extracting(Sources.Rejected::origin)
          .containsExactly(
              dir.resolve("a-empty.txt").toString(),
              dir.resolve("b-doc.txt").toString(),
              dir.resolve("d-records.jsonl") + ":2",
              dir.resolve("d-records.jsonl") + ":3");
      assertThat(idx.count()).isEqualTo(8);
      LuceneBackend b = new LuceneBackend(idx);
      for (String id : List.of(Fixtures.SEED_000, Fixtures.SEED_004, "good1", "good2", "c-tcvn3")) {
        assertThat(b.document(id)).as(id).isPresent();
      }
    }
  }
}
