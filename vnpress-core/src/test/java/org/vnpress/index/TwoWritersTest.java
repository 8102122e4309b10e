package org.vnpress.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;

/**
 * A long ingest writes on two threads: the same releases end up in the index as on one thread, and
 * an id that comes twice keeps its last record. The bundled data (seeds, resolutions, DANeS titles)
 * is written with the second thread from the first release on.
 */
class TwoWritersTest {

  /** id → stored title of every document. */
  private static Map<String, String> titles(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (DirectoryReader r = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(dir))) {
      StoredFields stored = r.storedFields();
      for (int d = 0; d < r.maxDoc(); d++) {
        Document doc = stored.document(d);
        out.put(doc.get(Fields.ID), doc.get(TextFields.TITLE));
      }
    }
    return out;
  }

  private static Ingest.Summary ingest(Path dir, List<Path> inputs, long twoWritersAfter)
      throws IOException {
    try (PressIndex index = PressIndex.open(dir)) {
      Ingest ingest = new Ingest(index, new Sources(Extractor.standard()));
      ingest.twoWritersAfter = twoWritersAfter;
      return ingest.run(inputs, Ingest.Progress.NONE);
    }
  }

  @Test
  void twoThreadsWriteWhatOneWrites() throws IOException {
    Path work = Files.createTempDirectory("vnpress-two-writers");
    try {
      Path data = Fixtures.project().resolve("index-data");
      // the seeds once more at the end, and then the first of them again under the second one's
      // title, in the same chunk: the repeated ids must keep their last records whichever thread
      // writes them
      List<String> again = new ArrayList<>();
      List<org.vnpress.extract.PressRelease> seeds = Fixtures.seedReleases();
      for (int i = 0; i <= seeds.size(); i++) {
        var s = seeds.get(i % seeds.size());
        String title = i == seeds.size() ? seeds.get(1).title() : s.title();
        Map<String, String> record = new java.util.LinkedHashMap<>();
        record.put("id", s.id());
        if (title != null) {
          record.put("title", title);
        }
        record.put("body", s.body());
        again.add(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(record));
      }
      Path repeat = work.resolve("again.jsonl");
      Files.write(repeat, again);
      List<Path> inputs = List.of(data, repeat);
      Ingest.Summary one = ingest(work.resolve("one"), inputs, Long.MAX_VALUE);
      Ingest.Summary two = ingest(work.resolve("two"), inputs, 0);
      assertThat(two.added()).isEqualTo(one.added()).isGreaterThan(2_000);
      assertThat(two.duplicates()).hasSameSizeAs(one.duplicates()).hasSize(seeds.size() + 1);
      Map<String, String> byOne = titles(work.resolve("one"));
      Map<String, String> byTwo = titles(work.resolve("two"));
      assertThat(byTwo).isEqualTo(byOne).hasSize(one.added());
      assertThat(byTwo.get(seeds.get(0).id())).isEqualTo(seeds.get(1).title());
    } finally {
      IOUtils.rm(work);
    }
  }
}
