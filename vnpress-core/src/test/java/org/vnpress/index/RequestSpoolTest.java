package org.vnpress.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.Sources;

/**
 * A write request's records wait in the index's own folder, not in the system's temporary one, and
 * what a crash left there is cleared when the index opens again (a server killed mid-request left
 * its spool in /tmp for good).
 */
class RequestSpoolTest {

  private final Path dir = createTemp();

  private static Path createTemp() {
    try {
      return Files.createTempDirectory("vnpress-spool-test");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void clean() throws IOException {
    IOUtils.rm(dir);
  }

  private static List<Path> spooled(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }

  @Test
  void aRequestWaitsInTheIndexAndLeavesNothingBehind() throws IOException {
    List<PressRelease> seeds = Fixtures.seedReleases();
    try (PressIndex index = PressIndex.open(dir)) {
      Path folder = index.spoolFolder();
      assertThat(folder).isEqualTo(dir.resolve(PressIndex.SPOOL));
      try (Ingest.Request r = Ingest.request(index)) {
        for (int i = 0; i < seeds.size(); i++) {
          r.add(i, new Sources.Accepted("seed " + i, seeds.get(i)));
        }
        assertThat(spooled(folder)).hasSize(1);
        assertThat(r.apply().added()).isEqualTo(seeds.size());
      }
      assertThat(spooled(folder)).isEmpty();
      assertThat(index.count()).isEqualTo(seeds.size());
    }
  }

  @Test
  void whatACrashLeftIsClearedWhenTheIndexOpens() throws IOException {
    try (PressIndex index = PressIndex.open(dir)) {
      // as a server killed during a request leaves it: records spooled, no batch committed
      try (Ingest.Request r = Ingest.request(index)) {
        r.add(0, new Sources.Accepted("seed 0", Fixtures.seedReleases().get(0)));
        Files.copy(
            spooled(index.spoolFolder()).get(0),
            index.spoolFolder().resolve("vnpress-request-left-by-a-crash.jsonl"));
      }
      assertThat(spooled(index.spoolFolder())).hasSize(1);
    }
    try (PressIndex index = PressIndex.open(dir)) {
      assertThat(spooled(index.spoolFolder())).isEmpty();
      assertThat(index.count()).isZero();
    }
  }
}
