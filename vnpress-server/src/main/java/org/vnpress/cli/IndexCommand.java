package org.vnpress.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.index.Ingest;
import org.vnpress.index.PressIndex;
import org.vnpress.search.LuceneBackend;
import org.vnpress.search.SearchBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vnpress index PATH...}: adds or replaces documents and reports what it did, in the local
 * index or in a cluster ({@code --backend}) — the same {@link Ingest} either way.
 */
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
    try (SearchBackend b =
        backend.given() ? backend.open() : new LuceneBackend(PressIndex.open(index.resolve()))) {
      Ingest.Summary s = run(b, paths, commitEvery);
      return s.rejected().isEmpty() ? 0 : 1;
    }
  }

  /** Indexes paths, printing progress and the summary. */
  static Ingest.Summary run(SearchBackend b, List<Path> paths) throws IOException {
    return run(b, paths, Ingest.COMMIT_EVERY);
  }

  static Ingest.Summary run(SearchBackend b, List<Path> paths, int commitEvery) throws IOException {
    ProgressLine progress = new ProgressLine(System.err);
    Ingest.Summary s =
        new Ingest(b, new Sources(Extractor.standard()), commitEvery).run(paths, progress);
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
        b.count(),
        s.duplicates().isEmpty()
            ? ""
            : " (" + s.duplicates().size() + " duplicate ids in this run: the last one wins)");
    return s;
  }
}
