package org.vnpress.bench.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vnpress.bench.CorpusGenerator;
import org.vnpress.bench.LatencyPlot;
import org.vnpress.bench.QueryBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vnpress bench query}: full-query latency and QPS, vnpress against the naive Lucene page,
 * FTS5 and PostgreSQL, and vnpress under a hostile load.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description =
        "Full queries (top 10, snippets, all facets) on N generated documents: p50/p95/p99 and QPS of"
            + " vnpress in-process and over HTTP at 1 and 8 clients, the same under 8 attackers"
            + " sending long queries, the naive Lucene page, SQLite FTS5 and PostgreSQL 15.")
final class BenchQueryCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin BenchOptions bench;

  @Option(
      names = "--queries",
      description =
          "measured queries per 1-client phase of vnpress and the naive Lucene page, twice as many"
              + " with 8 clients (default: ${DEFAULT-VALUE})")
  int queries = 1_000;

  @Option(
      names = "--peer-queries",
      description = "measured queries of FTS5 and PostgreSQL (default: ${DEFAULT-VALUE})")
  int peerQueries = 200;

  @Option(names = "--seconds", description = "time limit of each phase (default: ${DEFAULT-VALUE})")
  double seconds = 60;

  @Option(
      names = "--peers",
      split = ",",
      paramLabel = "PEER",
      description = "peers measured beside vnpress, of lucene, fts5, postgres (default: all three)")
  List<String> peers = QueryBench.PEERS;

  @Option(names = "--no-peers", negatable = false, description = "measure vnpress only")
  boolean noPeers;

  @Option(
      names = "--peers-only",
      description = "measure the peers only (vnpress measured in another run)")
  boolean peersOnly;

  @Option(names = "--no-postgres", negatable = false, description = "skip PostgreSQL")
  boolean noPostgres;

  @Option(
      names = "--no-hostile",
      negatable = false,
      description = "skip the hostile phases (8 attackers with long queries beside 1 client)")
  boolean noHostile;

  @Option(
      names = "--plot",
      paramLabel = "SVG",
      description = "redraw the latency plot from all saved results")
  Path plot;

  @Override
  public Integer call() throws Exception {
    Set<String> measured = new LinkedHashSet<>();
    for (String p : peers) {
      if (!QueryBench.PEERS.contains(p)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "unknown peer '" + p + "': use " + String.join(", ", QueryBench.PEERS));
      }
      measured.add(p);
    }
    if (noPeers) {
      measured.clear();
    }
    if (noPostgres) {
      measured.remove(QueryBench.POSTGRES);
    }
    var corpus =
        CorpusGenerator.cached(bench.shared(), bench.work(), bench.docs, bench.seed, System.err);
    QueryBench.Json r =
        new QueryBench(corpus, bench.work(), bench.docs, bench.seed, System.err)
            .run(
                new QueryBench.Limits(
                    queries, peerQueries, seconds, measured, !peersOnly, !noHostile));
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
