package org.vnpress.bench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vnpress.bench.CompletionBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vnpress bench completion}: completion while typing on an existing index. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description =
        "Build the completion lookup of an existing index and time completions of typed prefixes"
            + " against a search for each prefix.")
final class BenchCompletionCommand implements Callable<Integer> {

  @Mixin BenchOptions bench;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      required = true,
      description = "an existing vnpress index (not held by a server)")
  Path index;

  @Option(names = "--rounds", description = "passes over the prefixes (default: ${DEFAULT-VALUE})")
  int rounds = 20;

  @Override
  public Integer call() throws Exception {
    System.err.println("bench completion: " + index);
    CompletionBench.Json r = new CompletionBench(index, System.err).run(rounds);
    BenchResults.save(bench.work(), "completion-" + r.docs(), r);
    if (bench.json) {
      System.out.println(BenchResults.json(r));
    }
    return 0;
  }
}
