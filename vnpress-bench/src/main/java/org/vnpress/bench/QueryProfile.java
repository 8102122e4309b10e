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
      long total = 0;
      for (int i = 0; i < n; i++) {
        QueryMix.Query q = queries.get(i % queries.size());
        long t0 = System.nanoTime();
        long hits = b.search(VnpressEngines.request(q)).total();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        total += ms;
        if (ms > 200) {
          System.out.printf(Locale.ROOT, "%6d ms %7d hits  %s%n", ms, hits, q.q());
        }
      }
      System.out.printf(Locale.ROOT, "mean %.1f ms over %d queries%n", (double) total / n, n);
    }
  }
}
