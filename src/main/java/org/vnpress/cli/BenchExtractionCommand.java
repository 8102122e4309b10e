package org.vnpress.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vnpress.bench.ExtractionBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vnpress bench extraction}: precision and recall per field, and docs/s on one thread. */
@Command(
    name = "extraction",
    mixinStandardHelpOptions = true,
    description = "Extraction precision/recall on the labelled dev set and the seeds; docs/s.")
final class BenchExtractionCommand implements Callable<Integer> {
  @Mixin SharedOption shared;

  @Option(
      names = "--devset",
      paramLabel = "FILE",
      description = "labelled dev set (default: src/test/resources/org/vnpress/extract/devset.jsonl)")
  Path devset;

  @Option(names = "--verbose", description = "list every disagreement")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    Path d =
        devset != null
            ? devset
            : Main.home().resolve("src/test/resources/org/vnpress/extract/devset.jsonl");
    ExtractionBench.run(System.out, shared.resolve(), d, verbose);
    return 0;
  }
}
