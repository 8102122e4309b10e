package org.vnpress.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * HTTP at 1 and 8 clients, under a hostile load, and on the same documents and queries the naive
 * Lucene page, SQLite FTS5 and PostgreSQL 15. The indexes are built once per corpus under the work
 * folder and reused by later runs.
 */
public final class QueryBench {

  /** Queries in the mix. */
  public static final int QUERIES = 500;

  /** The peers, by the names {@code --peers} takes. */
  public static final String LUCENE = "lucene";

  public static final String FTS5 = "fts5";
  public static final String POSTGRES = "postgres";
  public static final List<String> PEERS = List.of(LUCENE, FTS5, POSTGRES);

  /** The build time in an index's completion marker. */
  private static final Pattern BUILT = Pattern.compile("seconds=([0-9.]+)");

  /** Warm-up queries of each engine before the first measured phase of any. */
  private static final int WARMUP = 200;

  /**
   * Bounds of the phases.
   *
   * @param vnpressQueries measured queries of a 1-client phase of vnpress and the naive page (twice
   *     as many with 8 clients)
   * @param peerQueries measured queries of FTS5 and PostgreSQL
   * @param seconds time limit of every phase
   * @param peers the peers to measure, of {@link #PEERS}
   * @param vnpress whether vnpress is measured
   * @param hostile whether vnpress's hostile phases run
   */
  public record Limits(
      int vnpressQueries,
      int peerQueries,
      double seconds,
      Set<String> peers,
      boolean vnpress,
      boolean hostile) {
    public Limits {
      peers = Set.copyOf(peers);
    }
  }

  /** One engine's headline figures (JSON line). */
  public record Peer(double p50Ms, double p99Ms, double qps) {}

  /**
   * An index's size and build time; the build of vnpress is {@code vnpress index}'s path (JSONL,
   * extraction, analysis), the naive page's reads the vnpress index's stored releases.
   */
  public record IndexSize(
      long bytes, double bytesPerRawByte, Double buildSeconds, Double docsPerSec) {}

  /** Both Lucene indexes against the corpus's raw text (UTF-8 bytes of title and body). */
  public record Indexes(long rawBytes, IndexSize vnpress, IndexSize lucene) {}

  /** vnpress under attack, in-process and over HTTP; the naive page in-process, for reference. */
  public record Hostile(
      HostilePhase.Stats inProcess, HostilePhase.Stats http, HostilePhase.Stats lucene) {}

  /** The JSON line's shape (issues 8 and 14), then every phase's figures. */
  public record Json(
      int docs,
      Peer vnpress,
      Peer lucene,
      Peer fts5,
      Peer postgres,
      Peer vnpressHttp8,
      Double luceneP50Ratio,
      Double luceneP99Ratio,
      Double fts5P50Ratio,
      Double postgresP50Ratio,
      Indexes index,
      Hostile hostile,
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

  /**
   * Records that the vnpress index is complete (built by the index bench in so many seconds). The
   * peers loaded from the previous one are built again from this one at their next run.
   */
  public void markBuilt(double seconds) throws IOException {
    writeBuilt(dir.resolve("vnpress.complete"), seconds);
    Files.deleteIfExists(dir.resolve("lucene.complete"));
    Files.deleteIfExists(dir.resolve("fts5.db.complete"));
  }

  /**
   * Before the vnpress index is built again: until {@link #markBuilt}, no run takes what is in the
   * folder as complete (a build that failed half-way once left a query run measuring an almost
   * empty index).
   */
  public void unmarkBuilt() throws IOException {
    Files.deleteIfExists(dir.resolve("vnpress.complete"));
    Files.deleteIfExists(dir.resolve("lucene.complete"));
    Files.deleteIfExists(dir.resolve("fts5.db.complete"));
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
      double seconds = (System.nanoTime() - t0) / 1e9;
      log.printf(Locale.ROOT, "  vnpress: indexed %,d documents in %.1f s%n", docs, seconds);
      writeBuilt(done, seconds);
    }
    return idx;
  }

  /** Marks an index complete, with its build time. */
  static void writeBuilt(Path marker, double seconds) throws IOException {
    Files.writeString(marker, String.format(Locale.ROOT, "seconds=%.2f%n", seconds));
  }

  /** The build time a marker records; null for markers written before it was recorded. */
  static Double builtSeconds(Path marker) throws IOException {
    Matcher m = BUILT.matcher(Files.readString(marker));
    return m.find() ? Double.valueOf(m.group(1)) : null;
  }

  public Json run(Limits limits) throws Exception {
    log.printf(Locale.ROOT, "bench query: %,d documents, load average %s%n", docs, loadAverage());
    Path idx = vnpressIndex();
    List<LoadRunner.Stats> phases = new ArrayList<>();
    LoadRunner.Stats inproc1 = null;
    LoadRunner.Stats inproc8 = null;
    LoadRunner.Stats http8 = null;
    LoadRunner.Stats lucene1 = null;
    LoadRunner.Stats lucene8 = null;
    HostilePhase.Stats hostileIn = null;
    HostilePhase.Stats hostileHttp = null;
    HostilePhase.Stats hostileLucene = null;
    IndexSize luceneSize = null;
    List<QueryMix.Query> queries;
    int n = limits.vnpressQueries();
    double sec = limits.seconds();
    try (LuceneBackend backend = new LuceneBackend(PressIndex.open(idx));
        NaiveLucenePeer naive =
            limits.peers().contains(LUCENE)
                ? NaiveLucenePeer.open(dir.resolve("lucene"), idx, log)
                : null) {
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
      // both engines warmed in the same JVM before either is measured: the one measured second
      // would otherwise find the Lucene code they share already compiled
      if (limits.vnpress()) {
        LoadRunner.warm(in, queries, WARMUP, sec);
      }
      if (naive != null) {
        LoadRunner.warm(naive, queries, WARMUP, sec);
      }
      if (limits.vnpress()) {
        // 8 clients first: the JIT compiles faster with 8 threads' worth of queries behind it, and
        // the 1-client figures of a cold JVM measured mostly the compiler (seen at 10k: 730 ms in
        // the first phase, 64 ms in a later one)
        inproc8 = LoadRunner.run(in, "in-process", queries, 8, 200, 2 * n, sec, log);
        inproc1 = LoadRunner.run(in, "in-process", queries, 1, 100, n, sec, log);
        phases.add(inproc1);
        phases.add(inproc8);
      }
      if (naive != null) {
        // the same phases, clients, bounds and warm-up as vnpress's in-process ones
        lucene8 = LoadRunner.run(naive, "in-process", queries, 8, 200, 2 * n, sec, log);
        lucene1 = LoadRunner.run(naive, "in-process", queries, 1, 100, n, sec, log);
        phases.add(lucene1);
        phases.add(lucene8);
        luceneSize = size(dir.resolve("lucene"), naive.buildSeconds());
      }
      if (limits.vnpress()) {
        try (SearchEngine http = VnpressEngines.overHttp(backend)) {
          phases.add(LoadRunner.run(http, "http", queries, 1, 100, n, sec, log));
          http8 = LoadRunner.run(http, "http", queries, 8, 50, 2 * n, sec, log);
          phases.add(http8);
          if (limits.hostile()) {
            // last: what an attack leaves behind (a grown heap, garbage) stays out of the above
            List<HostilePhase.Attack> attacks = HostilePhase.attacks(corpus);
            if (naive != null) {
              hostileLucene = HostilePhase.run(naive, "in-process", queries, attacks, n, sec, log);
            }
            hostileIn = HostilePhase.run(in, "in-process", queries, attacks, n, sec, log);
            hostileHttp = HostilePhase.run(http, "http", queries, attacks, n, sec, log);
          }
        }
      }
    }
    Peer fts5 = null;
    Peer postgres = null;
    boolean wantFts5 = limits.peers().contains(FTS5);
    boolean wantPg = limits.peers().contains(POSTGRES);
    if (wantFts5 || wantPg) {
      String why = !wantPg ? "not asked for" : PostgresPeer.unavailable();
      // the peers load side by side (not measured), then are measured one at a time
      java.util.concurrent.ExecutorService loaders =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      java.util.concurrent.Future<Fts5Peer> fts5Load =
          wantFts5 ? loaders.submit(() -> Fts5Peer.open(dir.resolve("fts5.db"), idx, log)) : null;
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
      if (fts5Load != null) {
        try (Fts5Peer f = fts5Load.get()) {
          LoadRunner.Stats s =
              LoadRunner.run(f, "jdbc", queries, 1, 20, limits.peerQueries(), sec, log);
          phases.add(s);
          fts5 = new Peer(s.p50Ms(), s.p99Ms(), s.qps());
        }
      }
      if (pgPeer == null) {
        if (wantPg) {
          log.println("  postgres: " + why);
        }
      } else {
        try (PostgresPeer pg = pgPeer) {
          LoadRunner.Stats s =
              LoadRunner.run(pg, "jdbc", queries, 1, 5, limits.peerQueries(), sec, log);
          phases.add(s);
          postgres = new Peer(s.p50Ms(), s.p99Ms(), s.qps());
        }
      }
    }
    Peer v = inproc1 == null ? null : new Peer(inproc1.p50Ms(), inproc1.p99Ms(), inproc8.qps());
    Peer lucene =
        lucene1 == null ? null : new Peer(lucene1.p50Ms(), lucene1.p99Ms(), lucene8.qps());
    Double vnpressSeconds = builtSeconds(dir.resolve("vnpress.complete"));
    Indexes index =
        new Indexes(
            rawBytes(),
            size(idx, vnpressSeconds == null ? Double.NaN : vnpressSeconds),
            luceneSize);
    return new Json(
        docs,
        v,
        lucene,
        fts5,
        postgres,
        http8 == null ? null : new Peer(http8.p50Ms(), http8.p99Ms(), http8.qps()),
        lucene == null || v == null ? null : ratio(v.p50Ms(), lucene.p50Ms()),
        lucene == null || v == null ? null : ratio(v.p99Ms(), lucene.p99Ms()),
        fts5 == null || v == null ? null : IndexBench.round(fts5.p50Ms() / v.p50Ms(), 1),
        postgres == null || v == null ? null : IndexBench.round(postgres.p50Ms() / v.p50Ms(), 1),
        index,
        hostileIn == null ? null : new Hostile(hostileIn, hostileHttp, hostileLucene),
        loadAverage(),
        phases);
  }

  /** vnpress / naive page: below 1 means vnpress is faster. */
  private static Double ratio(double vnpress, double naive) {
    return naive > 0 ? IndexBench.round(vnpress / naive, 2) : null;
  }

  private IndexSize size(Path index, double buildSeconds) throws IOException {
    long bytes = CorpusReader.folderBytes(index);
    long raw = rawBytes();
    boolean timed = !Double.isNaN(buildSeconds) && buildSeconds > 0;
    return new IndexSize(
        bytes,
        raw == 0 ? 0 : IndexBench.round((double) bytes / raw, 3),
        timed ? IndexBench.round(buildSeconds, 1) : null,
        timed ? IndexBench.round(docs / buildSeconds, 0) : null);
  }

  /** UTF-8 bytes of the corpus's titles and bodies, as the index bench counts them; cached. */
  private long rawBytes() throws IOException {
    Path cached = dir.resolve("raw-bytes");
    if (Files.exists(cached)) {
      return Long.parseLong(Files.readString(cached).strip());
    }
    long[] b = {0};
    CorpusReader.read(corpus, docs, r -> b[0] += CorpusReader.rawBytes(r));
    Files.writeString(cached, b[0] + "\n");
    return b[0];
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
