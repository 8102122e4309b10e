package org.vnpress.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.Sources;
import org.vnpress.index.PressIndex;
import org.vnpress.opensearch.OpenSearchBackend;
import org.vnpress.search.LuceneBackend;
import org.vnpress.search.SearchBackend;
import org.vnpress.search.SearchRequest;

/**
 * The same corpus into the embedded index and into an OpenSearch cluster: ingest rate, size on disk
 * and query latency side by side, for docs/scale.md.
 *
 * <pre>
 * java -cp target/vnpress.jar org.vnpress.bench.ScaleBench CORPUS.jsonl.gz URL [LIMIT] [SHARDS]
 * </pre>
 */
public final class ScaleBench {

  private static final int BATCH = 500;
  private static final int QUERIES = 300;

  private ScaleBench() {}

  /** Stops reading the corpus once the limit is reached. */
  private static final class Enough extends RuntimeException {
    Enough() {
      super(null, null, false, false);
    }
  }

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    URI cluster = URI.create(args[1]);
    int limit = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
    int shards = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    List<PressRelease> docs = new ArrayList<>();
    try {
      new Sources(Extractor.standard())
          .read(
              List.of(corpus),
              item -> {
                if (item instanceof Sources.Accepted a) {
                  docs.add(a.release());
                  if (docs.size() >= limit) {
                    throw new Enough();
                  }
                }
              });
    } catch (Enough e) {
      // the first LIMIT releases are enough
    }
    System.out.printf(
        Locale.ROOT, "corpus: %s, %d releases (extraction not timed)%n", corpus, docs.size());
    List<String> queries = queries(docs);

    Path dir = Files.createTempDirectory("vnpress-scalebench-");
    PressIndex idx = PressIndex.open(dir);
    long t0 = System.nanoTime();
    // one batch, one commit at the end, as vnpress index does for a run below its interval
    try (PressIndex.Batch batch = idx.begin()) {
      for (org.vnpress.extract.PressRelease r : docs) {
        batch.put(idx.prepare(r));
      }
      batch.commit();
    }
    double embeddedSecs = (System.nanoTime() - t0) / 1e9;
    report("embedded", docs.size(), embeddedSecs, du(dir));
    try (SearchBackend lucene = new LuceneBackend(idx)) {
      latency("embedded", lucene, queries);
    }

    OpenSearchBackend os =
        OpenSearchBackend.open(cluster, "vnpress-bench", new OpenSearchBackend.Layout(shards, 1));
    os.dropIndex();
    os = OpenSearchBackend.open(cluster, "vnpress-bench", new OpenSearchBackend.Layout(shards, 1));
    t0 = System.nanoTime();
    for (int i = 0; i < docs.size(); i += BATCH) {
      os.ingest(docs.subList(i, Math.min(docs.size(), i + BATCH)));
    }
    double osSecs = (System.nanoTime() - t0) / 1e9;
    report(
        "opensearch " + shards + "x2 copies",
        docs.size(),
        osSecs,
        storeBytes(cluster, "vnpress-bench"));
    latency("opensearch", os, queries);
    os.close();
  }

  /** Two or three leading words of titles: what people type. */
  private static List<String> queries(List<PressRelease> docs) {
    List<String> out = new ArrayList<>();
    int step = Math.max(1, docs.size() / QUERIES);
    for (int i = 0; i < docs.size() && out.size() < QUERIES; i += step) {
      String t = docs.get(i).displayTitle();
      if (t == null) {
        continue;
      }
      String[] w = t.strip().split("\\s+");
      out.add(String.join(" ", Arrays.copyOf(w, Math.min(w.length, 2 + i % 2))));
    }
    return out;
  }

  private static void report(String name, int n, double secs, long bytes) {
    System.out.printf(
        Locale.ROOT,
        "%-24s ingest %6d docs in %7.1f s = %7.0f docs/s; on disk %,d MB (all copies)%n",
        name,
        n,
        secs,
        n / secs,
        bytes >> 20);
  }

  private static void latency(String name, SearchBackend b, List<String> queries)
      throws IOException {
    for (String q : queries.subList(0, Math.min(50, queries.size()))) {
      b.search(SearchRequest.of(q)); // warm-up
    }
    long[] ms = new long[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      long t = System.nanoTime();
      b.search(SearchRequest.of(queries.get(i)));
      ms[i] = (System.nanoTime() - t) / 1_000;
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "%-24s %d queries (facets, highlights, suggestion): p50 %.1f ms, p95 %.1f ms%n",
        name,
        ms.length,
        ms[ms.length / 2] / 1000.0,
        ms[(int) (ms.length * 0.95)] / 1000.0);
  }

  private static long du(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static long storeBytes(URI cluster, String index) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(cluster.resolve("/" + index + "/_stats/store")).build(),
                HttpResponse.BodyHandlers.ofString());
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(r.body())
        .path("_all")
        .path("total")
        .path("store")
        .path("size_in_bytes")
        .asLong();
  }
}
