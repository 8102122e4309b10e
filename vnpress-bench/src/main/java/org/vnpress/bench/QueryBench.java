package org.vnpress.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.index.Ingest;
import org.vnpress.index.PressIndex;
import org.vnpress.search.FacetValue;
import org.vnpress.search.LuceneBackend;
import org.vnpress.search.SearchRequest;
import org.vnpress.search.SearchResponse;

/**
 * Full-query latency and throughput (top 10, snippets, all facets): vnpress in-process and over
 * HTTP at 1 and 8 clients, and on the same documents and queries SQLite FTS5 and PostgreSQL 15. The
 * indexes are built once per corpus under the work folder and reused by later runs.
 */
public final class QueryBench {

  /** Queries in the mix. */
  public static final int QUERIES = 500;

  /** Bounds of the phases. */
  public record Limits(
      int vnpressQueries,
      int peerQueries,
      double seconds,
      boolean peers,
      boolean postgres,
      boolean vnpress) {}

  /** One engine's headline figures (JSON line). */
  public record Peer(double p50Ms, double p99Ms, double qps) {}

  /** The JSON line's shape (issue 8), then every phase's figures. */
  public record Json(
      int docs,
      Peer vnpress,
      Peer fts5,
      Peer postgres,
      Peer vnpressHttp8,
      Double fts5P50Ratio,
      Double postgresP50Ratio,
      String load,
      List<LoadRunner.Stats> phases) {}

  private final Path corpus;
  private final Path dir;
  private final int docs;
  private final long seed;
  private final PrintStream log;

  public QueryBench(Path corpus, Path work, int docs, long seed, PrintStream log) {
    this.corpus = corpus;
    this.dir = work.resolve(String.format(Locale.ROOT, "query-%d-%d", docs, seed));
    this.docs = docs;
    this.seed = seed;
    this.log = log;
  }

  /** Where this corpus's vnpress index lives. */
  public Path vnpressIndexDir() {
    return dir.resolve("vnpress");
  }

  /** Records that the vnpress index is complete (built by the index bench). */
  public void markBuilt() throws java.io.IOException {
    Files.writeString(dir.resolve("vnpress.complete"), "ok\n");
  }

  /** The vnpress index for this corpus, built by {@code vnpress index}'s code path when missing. */
  public Path vnpressIndex() throws Exception {
    Path idx = vnpressIndexDir();
    Path done = dir.resolve("vnpress.complete");
    if (!Files.exists(done)) {
      CorpusReader.delete(idx);
      Files.createDirectories(dir);
      long t0 = System.nanoTime();
      try (PressIndex p = PressIndex.open(idx)) {
        new Ingest(p, new Sources(Extractor.standard())).run(List.of(corpus), Ingest.Progress.NONE);
      }
      log.printf(
          Locale.ROOT,
          "  vnpress: indexed %,d documents in %.1f s%n",
          docs,
          (System.nanoTime() - t0) / 1e9);
      Files.writeString(done, "ok\n");
    }
    return idx;
  }

  public Json run(Limits limits) throws Exception {
    log.printf(Locale.ROOT, "bench query: %,d documents, load average %s%n", docs, loadAverage());
    Path idx = vnpressIndex();
    List<LoadRunner.Stats> phases = new ArrayList<>();
    LoadRunner.Stats inproc1 = null;
    LoadRunner.Stats inproc8 = null;
    LoadRunner.Stats http8 = null;
    List<QueryMix.Query> queries;
    try (LuceneBackend backend = new LuceneBackend(PressIndex.open(idx))) {
      SearchResponse all =
          backend.search(
              new SearchRequest(
                  "", java.util.Map.of(), null, null, SearchRequest.Sort.DATE, 1, 10, 20));
      List<String> districts =
          all.facets().getOrDefault("district", List.of()).stream().map(FacetValue::value).toList();
      List<String> quarters =
          all.facets().getOrDefault("quarter", List.of()).stream().map(FacetValue::value).toList();
      queries = QueryMix.build(corpus, QUERIES, seed, districts, quarters);
      SearchEngine in = VnpressEngines.inProcess(backend);
      if (limits.vnpress()) {
        int n = limits.vnpressQueries();
        // 8 clients first: the JIT compiles faster with 8 threads' worth of queries behind it, and
        // the 1-client figures of a cold JVM measured mostly the compiler (seen at 10k: 730 ms in
        // the first phase, 64 ms in a later one)
        inproc8 = LoadRunner.run(in, "in-process", queries, 8, 200, 2 * n, limits.seconds(), log);
        inproc1 = LoadRunner.run(in, "in-process", queries, 1, 100, n, limits.seconds(), log);
        phases.add(inproc1);
        phases.add(inproc8);
        try (SearchEngine http = VnpressEngines.overHttp(backend)) {
          phases.add(LoadRunner.run(http, "http", queries, 1, 100, n, limits.seconds(), log));
          http8 = LoadRunner.run(http, "http", queries, 8, 50, 2 * n, limits.seconds(), log);
          phases.add(http8);
        }
      }
    }
    Peer fts5 = null;
    Peer postgres = null;
    if (limits.peers()) {
      String why = !limits.postgres() ? "skipped (--no-postgres)" : PostgresPeer.unavailable();
      // the peers load side by side (not measured), then are measured one at a time
      java.util.concurrent.ExecutorService loaders =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      java.util.concurrent.Future<Fts5Peer> fts5Load =
          loaders.submit(() -> Fts5Peer.open(dir.resolve("fts5.db"), idx, log));
      java.util.concurrent.Future<PostgresPeer> pgLoad =
          why == null ? loaders.submit(() -> PostgresPeer.start(idx, log)) : null;
      loaders.shutdown();
      PostgresPeer pgPeer = null;
      if (pgLoad != null) {
        try {
          pgPeer = pgLoad.get();
        } catch (java.util.concurrent.ExecutionException e) {
          why = "failed to start or load, skipped: " + e.getCause().getMessage();
        }
      }
      try (Fts5Peer f = fts5Load.get()) {
        LoadRunner.Stats s =
            LoadRunner.run(f, "jdbc", queries, 1, 20, limits.peerQueries(), limits.seconds(), log);
        phases.add(s);
        fts5 = new Peer(s.p50Ms(), s.p99Ms(), s.qps());
      }
      if (pgPeer == null) {
        log.println("  postgres: " + why);
      } else {
        try (PostgresPeer pg = pgPeer) {
          LoadRunner.Stats s =
              LoadRunner.run(
                  pg, "jdbc", queries, 1, 5, limits.peerQueries(), limits.seconds(), log);
          phases.add(s);
          postgres = new Peer(s.p50Ms(), s.p99Ms(), s.qps());
        }
      }
    }
    Peer v = inproc1 == null ? null : new Peer(inproc1.p50Ms(), inproc1.p99Ms(), inproc8.qps());
    return new Json(
        docs,
        v,
        fts5,
        postgres,
        http8 == null ? null : new Peer(http8.p50Ms(), http8.p99Ms(), http8.qps()),
        fts5 == null || v == null ? null : IndexBench.round(fts5.p50Ms() / v.p50Ms(), 1),
        postgres == null || v == null ? null : IndexBench.round(postgres.p50Ms() / v.p50Ms(), 1),
        loadAverage(),
        phases);
  }

  /** The machine's load while measuring: other work on two shared cores moves every figure. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4)[0];
    } catch (Exception e) {
      return "n/a";
    }
  }
}
