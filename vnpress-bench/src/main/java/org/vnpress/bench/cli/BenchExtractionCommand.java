package org.vnpress.bench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vnpress.bench.ExtractionBench;
import org.vnpress.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vnpress bench extraction}: precision and recall per field, and docs/s on one thread. */
@Command(
    name = "extraction",
    mixinStandardHelpOptions = true,
    description =
        "Extraction: every field on the page-shape fixtures and seeds, precision/recall on the"
            + " labelled sets (news set dev and held-out apart), docs/s.")
final class BenchExtractionCommand implements Callable<Integer> {
  @Mixin SharedOption shared;

  @Option(
      names = "--devset",
      paramLabel = "FILE",
      description =
          "labelled dev set (default: vnpress-bench/src/main/resources/org/vnpress/bench/devset.jsonl)")
  Path devset;

  @Option(names = "--verbose", description = "list every disagreement")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    Path d = devset != null ? devset : Main.home().resolve(ExtractionBench.DEVSET);
    ExtractionBench.run(System.out, shared.resolve(), Main.home(), d, verbose);
    return 0;
  }
}
