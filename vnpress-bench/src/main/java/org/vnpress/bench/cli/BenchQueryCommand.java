package org.vnpress.bench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vnpress.bench.CorpusGenerator;
import org.vnpress.bench.LatencyPlot;
import org.vnpress.bench.QueryBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vnpress bench query}: full-query latency and QPS, vnpress against FTS5 and PostgreSQL. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description =
        "Full queries (top 10, snippets, all facets) on N generated documents: p50/p95/p99 and QPS of"
            + " vnpress in-process and over HTTP at 1 and 8 clients, SQLite FTS5 and PostgreSQL 15.")
final class BenchQueryCommand implements Callable<Integer> {

  @Mixin BenchOptions bench;

  @Option(
      names = "--queries",
      description = "measured vnpress queries per 1-client phase (default: ${DEFAULT-VALUE})")
  int queries = 1_000;

  @Option(
      names = "--peer-queries",
      description = "measured queries per peer (default: ${DEFAULT-VALUE})")
  int peerQueries = 200;

  @Option(names = "--seconds", description = "time limit of each phase (default: ${DEFAULT-VALUE})")
  double seconds = 60;

  @Option(names = "--no-peers", negatable = false, description = "measure vnpress only")
  boolean noPeers;

  @Option(
      names = "--peers-only",
      description = "measure the peers only (vnpress measured in another run)")
  boolean peersOnly;

  @Option(names = "--no-postgres", negatable = false, description = "skip PostgreSQL")
  boolean noPostgres;

  @Option(
      names = "--plot",
      paramLabel = "SVG",
      description = "redraw the latency plot from all saved results")
  Path plot;

  @Override
  public Integer call() throws Exception {
    var corpus =
        CorpusGenerator.cached(bench.shared(), bench.work(), bench.docs, bench.seed, System.err);
    QueryBench.Json r =
        new QueryBench(corpus, bench.work(), bench.docs, bench.seed, System.err)
            .run(
                new QueryBench.Limits(
                    queries, peerQueries, seconds, !noPeers, !noPostgres, !peersOnly));
    BenchResults.save(bench.work(), "query-" + bench.docs + (peersOnly ? "-peers" : ""), r);
    if (plot != null) {
      LatencyPlot.write(bench.work().resolve("results"), plot);
      System.err.println("bench: plot written to " + plot);
    }
    if (bench.json) {
      System.out.println(BenchResults.json(r));
    }
    return 0;
  }
}
