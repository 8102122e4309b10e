package org.vnpress.bench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vnpress.bench.CorpusGenerator;
import org.vnpress.bench.QueryBench;
import org.vnpress.bench.StartupBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vnpress bench startup}: process start to first answered query on an existing index. */
@Command(
    name = "startup",
    mixinStandardHelpOptions = true,
    description =
        "Start `vnpress serve` on an existing index in a child JVM and time it to the first answered"
            + " query (the index of `bench query --docs N` unless --index is given).")
final class BenchStartupCommand implements Callable<Integer> {

  @Mixin BenchOptions bench;

  @Option(names = "--index", paramLabel = "DIR", description = "an existing vnpress index")
  Path index;

  @Option(names = "--xmx", description = "the child's heap (default: ${DEFAULT-VALUE})")
  String xmx = "512m";

  @Option(names = "--repeats", description = "starts measured (default: ${DEFAULT-VALUE})")
  int repeats = 3;

  @Override
  public Integer call() throws Exception {
    Path dir = index;
    if (dir == null) {
      var corpus =
          CorpusGenerator.cached(bench.shared(), bench.work(), bench.docs, bench.seed, System.err);
      dir = new QueryBench(corpus, bench.work(), bench.docs, bench.seed, System.err).vnpressIndex();
    }
    System.err.println("bench startup: " + dir);
    StartupBench.Json r =
        new StartupBench(dir, bench.work(), System.err)
            .run(repeats, xmx, index == null ? bench.docs : -1);
    BenchResults.save(bench.work(), "startup-" + (index == null ? bench.docs : "custom"), r);
    if (bench.json) {
      System.out.println(BenchResults.json(r));
    }
    return 0;
  }
}
