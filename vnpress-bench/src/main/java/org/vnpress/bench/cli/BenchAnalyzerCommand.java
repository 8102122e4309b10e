package org.vnpress.bench.cli;

import java.util.concurrent.Callable;
import org.vnpress.bench.AnalyzerBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vnpress bench analyzer}: analyzer MB/s beside StandardAnalyzer's, in one run. */
@Command(
    name = "analyzer",
    mixinStandardHelpOptions = true,
    description = "Analyzer throughput (MB/s) of the Vietnamese chain beside StandardAnalyzer.")
final class BenchAnalyzerCommand implements Callable<Integer> {
  @Mixin SharedOption shared;

  @Option(names = "--docs", description = "documents read (default: ${DEFAULT-VALUE})")
  int docs = 10_000;

  @Option(names = "--rounds", description = "measured rounds (default: ${DEFAULT-VALUE})")
  int rounds = 5;

  @Override
  public Integer call() throws Exception {
    AnalyzerBench.run(shared.resolve(), docs, rounds, System.out);
    return 0;
  }
}
