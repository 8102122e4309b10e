package org.vnpress.bench.cli;

import java.util.concurrent.Callable;
import org.vnpress.bench.CorpusGenerator;
import org.vnpress.bench.IndexBench;
import org.vnpress.bench.QueryBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vnpress bench index}: indexing speed and size, vnpress against plain Lucene. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description =
        "Index N generated documents with vnpress and with plain Lucene; docs/s, MB/s, size, heap, RSS.")
final class BenchIndexCommand implements Callable<Integer> {

  @Mixin BenchOptions bench;

  @Option(
      names = "--levers",
      description = "also measure extraction alone and direct multi-threaded writing")
  boolean levers;

  @Override
  public Integer call() throws Exception {
    var corpus =
        CorpusGenerator.cached(bench.shared(), bench.work(), bench.docs, bench.seed, System.err);
    // the vnpress index stays for `bench query` and `bench startup` on the same corpus
    QueryBench keep = new QueryBench(corpus, bench.work(), bench.docs, bench.seed, System.err);
    IndexBench.Json r =
        new IndexBench(corpus, bench.work(), bench.docs, System.err).run(levers, keep);
    BenchResults.save(bench.work(), "index-" + bench.docs, r);
    if (bench.json) {
      System.out.println(BenchResults.json(r));
    }
    return 0;
  }
}
