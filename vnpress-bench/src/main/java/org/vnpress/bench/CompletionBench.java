package org.vnpress.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vnpress.analysis.VietnameseFolder;
import org.vnpress.index.PressIndex;
import org.vnpress.search.Completion;
import org.vnpress.search.Completions;
import org.vnpress.search.FacetValue;
import org.vnpress.search.LuceneBackend;
import org.vnpress.search.SearchRequest;
import org.vnpress.search.SearchResponse;

/**
 * Completion while typing ({@code GET /api/suggest}) on an existing index: how long the lookup
 * takes to build, and how long one completion takes, for prefixes of what people type (district
 * names accented and not, document numbers, title words, one to eight characters). The peer in the
 * same run is what a page without completion would do for each keystroke: a search for the prefix,
 * eight hits, no facets.
 */
public final class CompletionBench {

  /** One run's figures. */
  public record Json(
      long docs,
      int prefixes,
      double buildSeconds,
      double p50Micros,
      double p95Micros,
      double p99Micros,
      double maxMicros,
      double searchP50Micros,
      double searchP95Micros,
      double ratioP50) {}

  private static final VietnameseFolder FOLDER = new VietnameseFolder();

  private final Path index;
  private final PrintStream log;

  public CompletionBench(Path index, PrintStream log) {
    this.index = index;
    this.log = log;
  }

  public Json run(int rounds) throws IOException {
    try (PressIndex idx = PressIndex.open(index);
        LuceneBackend backend = new LuceneBackend(idx)) {
      long docs = idx.count();
      long t0 = System.nanoTime();
      // the backend's own lookup is built in the background; a first completion waits for it
      backend.complete("a", 1);
      double build = (System.nanoTime() - t0) / 1e9;
      log.printf(Locale.ROOT, "  %,d documents: lookup built in %.2f s%n", docs, build);
      try (Completions timed = new Completions(idx, Duration.ofDays(1))) {
        long t1 = System.nanoTime();
        timed.complete("a", 1);
        build = Math.min(build, (System.nanoTime() - t1) / 1e9);
      }
      List<String> prefixes = prefixes(backend);
      log.printf(Locale.ROOT, "  %d prefixes, %d rounds%n", prefixes.size(), rounds);
      // warm-up: the JIT and the FST's pages
      for (String p : prefixes) {
        backend.complete(p, 8);
      }
      double[] complete = new double[prefixes.size() * rounds];
      int n = 0;
      for (int r = 0; r < rounds; r++) {
        for (String p : prefixes) {
          long s = System.nanoTime();
          List<Completion> c = backend.complete(p, 8);
          complete[n++] = (System.nanoTime() - s) / 1e3;
          if (c.size() > 8) {
            throw new IllegalStateException("more completions than asked for");
          }
        }
      }
      double[] search = new double[prefixes.size()];
      for (int i = 0; i < prefixes.size(); i++) {
        SearchRequest q =
            new SearchRequest(
                prefixes.get(i), Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 8, 1);
        backend.search(q);
        long s = System.nanoTime();
        backend.search(q);
        search[i] = (System.nanoTime() - s) / 1e3;
      }
      Arrays.sort(complete);
      Arrays.sort(search);
      Json j =
          new Json(
              docs,
              prefixes.size(),
              build,
              pct(complete, 50),
              pct(complete, 95),
              pct(complete, 99),
              complete[complete.length - 1],
              pct(search, 50),
              pct(search, 95),
              pct(search, 50) / Math.max(pct(complete, 50), 1e-3));
      log.printf(
          Locale.ROOT,
          "  completion: p50 %.0f µs, p95 %.0f µs, p99 %.0f µs, max %.0f µs%n"
              + "  search for the prefix (the peer): p50 %.0f µs, p95 %.0f µs — %.0f× the"
              + " completion's p50%n",
          j.p50Micros,
          j.p95Micros,
          j.p99Micros,
          j.maxMicros,
          j.searchP50Micros,
          j.searchP95Micros,
          j.ratioP50);
      return j;
    }
  }

  /** Prefixes of the index's own districts, documents and title words, accented and folded. */
  private static List<String> prefixes(LuceneBackend backend) throws IOException {
    SearchResponse all =
        backend.search(
            new SearchRequest("", Map.of(), null, null, SearchRequest.Sort.DATE, 1, 100, 200));
    Set<String> words = new LinkedHashSet<>();
    for (FacetValue d : all.facets().getOrDefault("district", List.of())) {
      words.add(d.label());
    }
    for (FacetValue d : all.facets().getOrDefault("document", List.of())) {
      words.add(d.value());
    }
    all.hits().forEach(h -> words.add(h.title() == null ? "" : h.title()));
    Set<String> out = new LinkedHashSet<>();
    for (String w : words) {
      String s = w.strip();
      for (int len : new int[] {1, 2, 3, 5, 8, 12}) {
        if (s.length() >= len) {
          String p = s.substring(0, len);
          out.add(p);
          out.add(FOLDER.fold(p.toLowerCase(Locale.ROOT)));
        }
      }
    }
    out.removeIf(String::isBlank);
    return new ArrayList<>(out);
  }

  private static double pct(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
