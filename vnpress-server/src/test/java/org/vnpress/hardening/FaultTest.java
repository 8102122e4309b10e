package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnpress.Fixtures;
import org.vnpress.cli.Main;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.index.Ingest;
import org.vnpress.index.PressIndex;
import org.vnpress.search.LuceneBackend;
import org.vnpress.search.SearchRequest;

/** Faults inside one process: a full disk and a second opener of the same index. */
class FaultTest {

  @TempDir Path dir;

  /** A directory whose disk fills up after {@code budget} more bytes. */
  static final class FullDisk extends FilterDirectory {
    final AtomicLong budget;

    FullDisk(Directory in, long budget) {
      super(in);
      this.budget = new AtomicLong(budget);
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      return new Limited(in.createOutput(name, context));
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
        throws IOException {
      return new Limited(in.createTempOutput(prefix, suffix, context));
    }

    private final class Limited extends IndexOutput {
      private final IndexOutput out;

      Limited(IndexOutput out) {
        super("limited(" + out + ")", out.getName());
        this.out = out;
      }

      private void spend(long n) throws IOException {
        if (budget.addAndGet(-n) < 0) {
          // what FileChannel reports on a full Linux disk
          throw new IOException("No space left on device");
        }
      }

      @Override
      public void writeByte(byte b) throws IOException {
        spend(1);
        out.writeByte(b);
      }

      @Override
      public void writeBytes(byte[] b, int offset, int length) throws IOException {
        spend(length);
        out.writeBytes(b, offset, length);
      }

      @Override
      public long getFilePointer() {
        return out.getFilePointer();
      }

      @Override
      public long getChecksum() throws IOException {
        return out.getChecksum();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    }
  }

  /** Records with new ids made from the seeds: enough to need a flush. */
  private Path manyRecords(int n) throws IOException {
    StringBuilder jsonl = new StringBuilder();
    List<String> bodies =
        Fixtures.seedFiles().stream()
            .map(
                p -> {
                  try {
                    return Files.readString(p, StandardCharsets.UTF_8);
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })
            .toList();
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    for (int i = 0; i < n; i++) {
      jsonl
          .append(
              json.writeValueAsString(
                  json.createObjectNode()
                      .put("id", "r" + i)
                      .put("body", bodies.get(i % bodies.size()))))
          .append('\n');
    }
    return Files.writeString(dir.resolve("many.jsonl"), jsonl.toString());
  }

  private static int seedIndex(Path index) throws IOException {
    try (PressIndex idx = PressIndex.open(index)) {
      new Ingest(idx, new Sources(Extractor.standard()))
          .run(List.of(Fixtures.seeds()), Ingest.Progress.NONE);
      return idx.count();
    }
  }

  @Test
  void diskFullGivesAClearErrorAndTheIndexOpensAtItsLastCommit() throws IOException {
    Path index = dir.resolve("index");
    assertThat(seedIndex(index)).isEqualTo(5);
    Path records = manyRecords(40);

    FullDisk full = new FullDisk(FSDirectory.open(index), 16 * 1024);
    PressIndex idx = PressIndex.open(full);
    Ingest ingest = new Ingest(idx, new Sources(Extractor.standard()));
    assertThatThrownBy(() -> ingest.run(List.of(records), Ingest.Progress.NONE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("No space left on device")
        .hasMessageContaining("keeps its last commit");
    try {
      idx.close();
    } catch (IOException | RuntimeException e) {
      // closing may fail on the same full disk; the lock must still be released
    }

    try (PressIndex reopened = PressIndex.open(index)) {
      assertThat(reopened.count()).isEqualTo(5);
      LuceneBackend search = new LuceneBackend(reopened);
      assertThat(search.search(SearchRequest.of("Hoàng Mai")).hits()).isNotEmpty();
      assertThat(search.document(Fixtures.SEED_004)).isPresent();
    }
  }

  @Test
  void afterTheDiskIsFreedTheSameRunFinishes() throws IOException {
    Path index = dir.resolve("index");
    seedIndex(index);
    Path records = manyRecords(40);
    PressIndex idx = PressIndex.open(new FullDisk(FSDirectory.open(index), 16 * 1024));
    assertThatThrownBy(
            () ->
                new Ingest(idx, new Sources(Extractor.standard()))
                    .run(List.of(records), Ingest.Progress.NONE))
        .isInstanceOf(IOException.class);
    try {
      idx.close();
    } catch (IOException | RuntimeException e) {
      // as above
    }
    try (PressIndex again = PressIndex.open(index)) {
      Ingest.Summary s =
          new Ingest(again, new Sources(Extractor.standard()))
              .run(List.of(records), Ingest.Progress.NONE);
      assertThat(s.added() + s.replaced()).isEqualTo(40);
      assertThat(again.count()).isEqualTo(45);
    }
  }

  @Test
  void secondOpenerIsToldTheIndexIsInUse() throws IOException {
    Path index = dir.resolve("index");
    try (PressIndex first = PressIndex.open(index)) {
      assertThat(first.count()).isZero();
      assertThatThrownBy(() -> PressIndex.open(index))
          .isInstanceOf(PressIndex.InUseException.class)
          .hasMessageContaining("is in use by another vnpress process");
    }
  }

  @Test
  void secondIndexCommandPrintsOneLineWithoutAStackTrace() throws IOException {
    Path index = dir.resolve("index");
    try (PressIndex first = PressIndex.open(index)) {
      assertThat(first.count()).isZero();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      var cl = Main.commandLine();
      cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
      int exit = cl.execute("index", "--index", index.toString(), Fixtures.seeds().toString());
      String text = err.toString(StandardCharsets.UTF_8);
      assertThat(exit).isEqualTo(1);
      assertThat(text.strip()).startsWith("vnpress: the index " + index).contains("is in use");
      assertThat(text.strip().lines()).hasSize(1);
      assertThat(text).doesNotContain("\tat ", "Exception");
    }
  }

  @Test
  void searchReadsAnIndexThatAServerHolds() throws IOException {
    Path index = dir.resolve("index");
    try (PressIndex held = PressIndex.open(index)) {
      held.write(Fixtures.seedReleases());
      java.io.StringWriter out = new java.io.StringWriter();
      java.io.PrintStream stdout = System.out;
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int exit;
      try {
        System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(out, true));
        exit = cl.execute("search", "--index", index.toString(), "--json", "hoàng", "mai");
      } finally {
        System.setOut(stdout);
      }
      assertThat(exit).as(out.toString()).isZero();
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains(Fixtures.SEED_004);
      // and the server's writer goes on: the search took no lock
      held.write(List.of(Fixtures.seedReleases().get(0)));
    }
  }
}
