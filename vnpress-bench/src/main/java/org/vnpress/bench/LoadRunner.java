package org.vnpress.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a query list against an engine with a fixed number of clients, each a thread with its own
 * connection, for at most a fixed number of queries and a fixed time; reports latency percentiles
 * and throughput. Bounded both ways so that a slow peer cannot stall the suite.
 */
final class LoadRunner {

  /** Figures of one phase. */
  record Stats(
      String engine,
      String mode,
      int clients,
      int queries,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      double meanMs,
      double qps,
      double meanTotalHits,
      int errors,
      Double cpuP50Ms,
      Double cpuMeanMs) {}

  private LoadRunner() {}

  /**
   * One client runs up to {@code count} queries from the end of the list, so that measured ones are
   * not cached answers, for at most {@code maxSeconds}.
   */
  static void warm(SearchEngine engine, List<QueryMix.Query> queries, int count, double maxSeconds)
      throws Exception {
    if (count <= 0) {
      return;
    }
    try (SearchEngine.Client c = engine.client()) {
      long until = System.nanoTime() + (long) (maxSeconds * 1e9);
      for (int i = 0; i < count && System.nanoTime() < until; i++) {
        c.search(queries.get(queries.size() - 1 - (i % queries.size())));
      }
    }
  }

  static Stats run(
      SearchEngine engine,
      String mode,
      List<QueryMix.Query> queries,
      int clients,
      int warmup,
      int maxQueries,
      double maxSeconds,
      PrintStream log)
      throws Exception {
    warm(engine, queries, warmup, maxSeconds);
    long[] latencies = new long[maxQueries];
    // CPU time of the client thread per query: on a loaded machine wall time mostly measures the
    // wait for a core, CPU time what the query costs (in-process engines and SQLite only)
    long[] cpu = new long[maxQueries];
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong hits = new AtomicLong();
    AtomicReference<Throwable> firstError = new AtomicReference<>();
    long start = System.nanoTime();
    long deadline = start + (long) (maxSeconds * 1e9);
    Thread[] threads = new Thread[clients];
    for (int t = 0; t < clients; t++) {
      threads[t] =
          new Thread(
              () -> {
                try (SearchEngine.Client c = engine.client()) {
                  while (System.nanoTime() < deadline) {
                    int i = next.getAndIncrement();
                    if (i >= maxQueries) {
                      break;
                    }
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    try {
                      hits.addAndGet(c.search(queries.get(i % queries.size())));
                      latencies[i] = System.nanoTime() - t0;
                      cpu[i] = mx.getCurrentThreadCpuTime() - c0;
                      done.incrementAndGet();
                    } catch (Exception e) {
                      errors.incrementAndGet();
                      firstError.compareAndSet(null, e);
                      latencies[i] = -1;
                    }
                  }
                } catch (Exception e) {
                  firstError.compareAndSet(null, e);
                }
              },
              "bench-client-" + t);
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    long[] ok =
        Arrays.stream(latencies, 0, Math.min(maxQueries, next.get()))
            .filter(l -> l > 0)
            .sorted()
            .toArray();
    if (firstError.get() != null) {
      log.println(
          "  "
              + engine.name()
              + " "
              + mode
              + ": "
              + errors.get()
              + " errors, first: "
              + firstError.get());
    }
    int n = ok.length;
    Stats s =
        new Stats(
            engine.name(),
            mode,
            clients,
            n,
            ms(percentile(ok, 0.50)),
            ms(percentile(ok, 0.95)),
            ms(percentile(ok, 0.99)),
            n == 0 ? 0 : IndexBench.round(Arrays.stream(ok).average().orElse(0) / 1e6, 2),
            IndexBench.round(n / wall, 1),
            n == 0 ? 0 : IndexBench.round((double) hits.get() / n, 1),
            errors.get(),
            clients == 1 && n > 0 ? ms(percentile(sortedPositive(cpu, next.get()), 0.5)) : null,
            clients == 1 && n > 0
                ? IndexBench.round(
                    Arrays.stream(sortedPositive(cpu, next.get())).average().orElse(0) / 1e6, 2)
                : null);
    log.printf(
        Locale.ROOT,
        "  %-9s %-10s %d client%s  %5d queries  p50 %8.2f ms  p95 %8.2f ms  p99 %8.2f ms  %8.1f QPS  (mean total %.0f)%s%n",
        s.engine(),
        s.mode(),
        clients,
        clients == 1 ? " " : "s",
        n,
        s.p50Ms(),
        s.p95Ms(),
        s.p99Ms(),
        s.qps(),
        s.meanTotalHits(),
        s.cpuP50Ms() == null
            ? ""
            : String.format(
                Locale.ROOT,
                "  client-thread CPU p50 %.2f ms, mean %.2f ms",
                s.cpuP50Ms(),
                s.cpuMeanMs()));
    if (clients == 1 && n > 0) {
      // p50 by kind of query: shows which part of the mix costs what
      java.util.Map<String, List<Long>> byKind = new java.util.TreeMap<>();
      for (int i = 0; i < Math.min(maxQueries, next.get()); i++) {
        if (latencies[i] > 0) {
          String kind = queries.get(i % queries.size()).kind().replaceAll("-\\d$", "");
          String key =
              kind
                  + (queries.get(i % queries.size()).district() != null
                          || queries.get(i % queries.size()).quarter() != null
                      ? "+filter"
                      : "");
          byKind.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(latencies[i]);
        }
      }
      StringBuilder sb = new StringBuilder("    p50 by kind:");
      byKind.forEach(
          (k, l) -> {
            long[] a = l.stream().mapToLong(Long::longValue).sorted().toArray();
            sb.append(
                String.format(
                    Locale.ROOT, " %s %.1f ms (%d);", k, percentile(a, 0.5) / 1e6, a.length));
          });
      log.println(sb);
    }
    return s;
  }

  private static long[] sortedPositive(long[] a, int upTo) {
    return Arrays.stream(a, 0, Math.min(a.length, upTo)).filter(l -> l > 0).sorted().toArray();
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double ms(long nanos) {
    return IndexBench.round(nanos / 1e6, 2);
  }
}
