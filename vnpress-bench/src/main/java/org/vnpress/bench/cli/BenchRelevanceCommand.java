package org.vnpress.bench.cli;

import java.util.concurrent.Callable;
import org.vnpress.bench.RelevanceBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vnpress bench relevance}: MRR@10 and Recall@10 against the Standard baselines. */
@Command(
    name = "relevance",
    mixinStandardHelpOptions = true,
    description =
        "MRR@10 and Recall@10 of vnpress, StandardAnalyzer and StandardAnalyzer+ASCIIFolding"
            + " on ALQAC 2023 and a known-item set from baomoi (exact, no diacritics, old style, NFD).")
final class BenchRelevanceCommand implements Callable<Integer> {
  @Mixin SharedOption shared;

  @Option(names = "--targets", description = "known-item targets (default: ${DEFAULT-VALUE})")
  int targets = 400;

  @Override
  public Integer call() throws Exception {
    RelevanceBench.run(shared.resolve(), targets, System.out);
    return 0;
  }
}
