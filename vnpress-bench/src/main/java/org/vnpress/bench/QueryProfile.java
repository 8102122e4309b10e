package org.vnpress.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vnpress.index.PressIndex;
import org.vnpress.search.LuceneBackend;

/**
 * Experiment: runs the query mix on one thread against an existing vnpress index and prints the
 * slowest queries, to run under a profiler ({@code -XX:StartFlightRecording}). Arguments: index
 * folder, corpus file, number of queries.
 */
public final class QueryProfile {

  private QueryProfile() {}

  public static void main(String[] args) throws Exception {
    Path idx = Path.of(args[0]);
    Path corpus = Path.of(args[1]);
    int n = Integer.parseInt(args[2]);
    List<QueryMix.Query> queries =
        QueryMix.build(corpus, QueryBench.QUERIES, 1, List.of(), List.of());
    try (LuceneBackend b = new LuceneBackend(PressIndex.open(idx))) {
      // warm the JIT and the caches first, then measure
      for (int i = 0; i < Math.min(500, n); i++) {
        b.search(VnpressEngines.request(queries.get(i % queries.size())));
      }
      java.util.Map<String, List<Long>> byKind = new java.util.TreeMap<>();
      List<Long> all = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        QueryMix.Query q = queries.get(i % queries.size());
        long t0 = System.nanoTime();
        long hits = b.search(VnpressEngines.request(q)).total();
        long us = (System.nanoTime() - t0) / 1_000;
        all.add(us);
        String kind =
            q.kind().replaceAll("-\\d+$", "")
                + (q.district() != null || q.quarter() != null ? "+filter" : "");
        byKind.computeIfAbsent(kind, k -> new java.util.ArrayList<>()).add(us);
        if (us > 200_000) {
          System.out.printf(Locale.ROOT, "%6d ms %7d hits  %s%n", us / 1000, hits, q.q());
        }
      }
      print("all", all);
      byKind.forEach(QueryProfile::print);
    }
  }

  private static void print(String name, List<Long> us) {
    List<Long> s = new java.util.ArrayList<>(us);
    s.sort(null);
    double mean = s.stream().mapToLong(Long::longValue).average().orElse(0) / 1000;
    System.out.printf(
        Locale.ROOT,
        "%-22s %5d queries  mean %6.1f  p50 %6.1f  p99 %6.1f ms%n",
        name,
        s.size(),
        mean,
        s.get(s.size() / 2) / 1000.0,
        s.get(Math.min(s.size() - 1, (int) (s.size() * 0.99))) / 1000.0);
  }
}
