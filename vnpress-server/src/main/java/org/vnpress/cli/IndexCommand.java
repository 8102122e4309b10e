package org.vnpress.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.Sources;
import org.vnpress.index.Ingest;
import org.vnpress.index.PressIndex;
import org.vnpress.search.IngestResult;
import org.vnpress.search.SearchBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vnpress index PATH...}: adds or replaces documents and reports what it did. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description =
        "Add or replace documents: .txt/.html press releases, .jsonl(.gz) records, folders.")
final class IndexCommand implements Callable<Integer> {

  @Mixin IndexOption index;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders to index")
  List<Path> paths;

  @Option(
      names = "--commit-every",
      paramLabel = "N",
      description =
          "commit after this many documents, so a crash redoes at most N (default: ${DEFAULT-VALUE})")
  int commitEvery = Ingest.COMMIT_EVERY;

  @Mixin BackendOption backend;

  @Override
  public Integer call() throws Exception {
    if (commitEvery < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--commit-every must be 1 or more");
    }
    if (backend.given()) {
      try (SearchBackend b = backend.open()) {
        return run(b, paths) ? 0 : 1;
      }
    }
    try (PressIndex idx = PressIndex.open(index.resolve())) {
      Ingest.Summary s = run(idx, paths, commitEvery);
      return s.rejected().isEmpty() ? 0 : 1;
    }
  }

  /** Indexes paths into an open index, printing progress and the summary. */
  static Ingest.Summary run(PressIndex idx, List<Path> paths) throws Exception {
    return run(idx, paths, Ingest.COMMIT_EVERY);
  }

  static Ingest.Summary run(PressIndex idx, List<Path> paths, int commitEvery) throws Exception {
    ProgressLine progress = new ProgressLine(System.err);
    Ingest.Summary s =
        new Ingest(idx, new Sources(Extractor.standard()), commitEvery).run(paths, progress);
    progress.finish();
    for (Sources.Rejected r : s.rejected()) {
      System.err.println("rejected: " + r.origin() + ": " + r.reason());
    }
    for (Sources.Rejected d : s.duplicates()) {
      System.err.println("duplicate: " + d.origin() + ": " + d.reason());
    }
    System.out.printf(
        "added %d, replaced %d, rejected %d; the index holds %d documents%s%n",
        s.added(),
        s.replaced(),
        s.rejected().size(),
        idx.count(),
        s.duplicates().isEmpty()
            ? ""
            : " (" + s.duplicates().size() + " duplicate ids in this run: the last one wins)");
    return s;
  }

  /** Indexes paths into a search cluster in bulk batches; true when nothing was rejected. */
  static boolean run(SearchBackend b, List<Path> paths) throws IOException {
    ProgressLine progress = new ProgressLine(System.err);
    List<PressRelease> batch = new ArrayList<>();
    List<Sources.Rejected> rejected = new ArrayList<>();
    int[] counts = new int[2];
    new Sources(Extractor.standard())
        .read(
            paths,
            item -> {
              if (item instanceof Sources.Accepted a) {
                batch.add(a.release());
                if (batch.size() >= BULK) {
                  bulk(b, batch, counts);
                }
                progress.update(counts[0] + counts[1] + batch.size(), rejected.size(), a.origin());
              } else if (item instanceof Sources.Rejected r) {
                rejected.add(r);
              }
            });
    bulk(b, batch, counts);
    progress.finish();
    for (Sources.Rejected r : rejected) {
      System.err.println("rejected: " + r.origin() + ": " + r.reason());
    }
    System.out.printf(
        "added %d, replaced %d, rejected %d; the index holds %d documents%n",
        counts[0], counts[1], rejected.size(), b.count());
    return rejected.isEmpty();
  }

  /** Releases per bulk request: a few MB, the size OpenSearch ingests best. */
  private static final int BULK = 500;

  private static void bulk(SearchBackend b, List<PressRelease> batch, int[] counts)
      throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    IngestResult r = b.ingest(List.copyOf(batch), List.of());
    counts[0] += r.added();
    counts[1] += r.replaced();
    batch.clear();
  }
}
