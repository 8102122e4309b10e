package org.vnpress.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.InputRecord;
import org.vnpress.extract.Sources;
import org.vnpress.index.DocumentMapper;
import org.vnpress.index.Fields;
import org.vnpress.index.Ingest;
import org.vnpress.index.PressIndex;
import org.vnpress.index.TextFields;

/**
 * Indexing speed and size: vnpress's full pipeline ({@code vnpress index}: JSONL, extraction, full
 * schema) and, in the same run on the same documents, plain Lucene (StandardAnalyzer, body stored,
 * no facets, no offsets). Optionally the levers: the vnpress schema written straight to an {@link
 * IndexWriter} on one and two threads, without the per-document id lookups and the refresh after
 * every batch that {@link Ingest} does.
 */
public final class IndexBench {

  /** Documents indexed before measuring, so the JIT has compiled the hot paths of both. */
  private static final int WARMUP_DOCS = 2_000;

  /** Figures of one indexer. */
  public record Phase(
      String name,
      int docs,
      double seconds,
      double docsPerSec,
      double mbPerSec,
      long indexBytes,
      double indexBytesPerRawByte,
      double peakHeapMb,
      double peakRssMb,
      double docsPerCpuSec) {}

  /** The JSON line's shape (issue 8), with extra figures after the required ones. */
  public record Json(int docs, Engine vnpress, Engine lucene, double ratio, Levers levers) {}

  /** One engine's figures in the JSON line. */
  public record Engine(
      double docsPerSec,
      double indexBytesPerRawByte,
      double peakHeapMb,
      double mbPerSec,
      double peakRssMb,
      double docsPerCpuSec) {}

  /** Extraction alone and the direct-writer levers, docs/s; null when not measured. */
  public record Levers(Double extractDocsPerSec, Double directOneThread, Double directTwoThreads) {}

  private final Path corpus;
  private final Path work;
  private final int docs;
  private final PrintStream log;

  public IndexBench(Path corpus, Path work, int docs, PrintStream log) {
    this.corpus = corpus;
    this.work = work;
    this.docs = docs;
    this.log = log;
  }

  /**
   * Runs the phases. The vnpress index is kept in {@code keep} (the query bench's folder for this
   * corpus, so that it need not be built twice) when that is not null.
   */
  public Json run(boolean levers, QueryBench keep) throws Exception {
    long raw = rawBytes();
    log.printf(
        Locale.ROOT, "bench index: %,d documents, %,.1f MB of raw text%n", docs, raw / 1048576.0);
    warmUp();
    Phase lucene = measure("lucene", raw, this::plainLucene);
    Phase vnpress;
    if (keep != null) {
      Path kept = keep.vnpressIndexDir();
      keep.unmarkBuilt();
      vnpress = measure("vnpress", raw, this::vnpressIngest, kept);
      keep.markBuilt(vnpress.seconds());
    } else {
      vnpress = measure("vnpress", raw, this::vnpressIngest);
    }
    Levers lv = null;
    if (levers) {
      double extract = extractionRate(Math.min(docs, 10_000));
      Phase d1 = measure("vnpress-direct-1t", raw, dir -> direct(dir, 1));
      Phase d2 = measure("vnpress-direct-2t", raw, dir -> direct(dir, 2));
      lv = new Levers(extract, d1.docsPerSec(), d2.docsPerSec());
    }
    return new Json(
        docs,
        new Engine(
            vnpress.docsPerSec(),
            vnpress.indexBytesPerRawByte(),
            vnpress.peakHeapMb(),
            vnpress.mbPerSec(),
            vnpress.peakRssMb(),
            vnpress.docsPerCpuSec()),
        new Engine(
            lucene.docsPerSec(),
            lucene.indexBytesPerRawByte(),
            lucene.peakHeapMb(),
            lucene.mbPerSec(),
            lucene.peakRssMb(),
            lucene.docsPerCpuSec()),
        round(vnpress.docsPerSec() / lucene.docsPerSec(), 3),
        lv);
  }

  private long rawBytes() throws IOException {
    long[] b = {0};
    CorpusReader.read(corpus, docs, r -> b[0] += CorpusReader.rawBytes(r));
    return b[0];
  }

  /** Writes into a fresh folder; returns the number of documents written. */
  private interface Indexer {
    int index(Path dir) throws IOException, InterruptedException;
  }

  private Phase measure(String name, long raw, Indexer indexer)
      throws IOException, InterruptedException {
    return measure(name, raw, indexer, null);
  }

  private Phase measure(String name, long raw, Indexer indexer, Path keep)
      throws IOException, InterruptedException {
    Path dir = keep != null ? keep : work.resolve("index-bench-" + name);
    CorpusReader.delete(dir);
    System.gc();
    // process CPU time too: on a machine shared with other work, wall time measures the queue
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    int n;
    double heap;
    double rss;
    try (ResourceSampler s = new ResourceSampler()) {
      n = indexer.index(dir);
      s.close();
      heap = s.peakHeapMb();
      rss = s.peakRssMb();
    }
    double sec = (System.nanoTime() - t0) / 1e9;
    double cpuSec = (os.getProcessCpuTime() - cpu0) / 1e9;
    long bytes = CorpusReader.folderBytes(dir);
    if (keep == null) {
      CorpusReader.delete(dir);
    }
    Phase p =
        new Phase(
            name,
            n,
            round(sec, 2),
            round(n / sec, 0),
            round(raw / 1048576.0 / sec, 2),
            bytes,
            round((double) bytes / raw, 3),
            round(heap, 0),
            round(rss, 0),
            round(n / cpuSec, 0));
    log.printf(
        Locale.ROOT,
        "  %-18s %,9d docs  %7.1f s  %8.0f docs/s  %6.2f MB/s  index %,7.1f MB = %.3f× raw  peak heap %,.0f MB  peak RSS %,.0f MB  %.0f docs per CPU-second%n",
        name,
        n,
        sec,
        p.docsPerSec(),
        p.mbPerSec(),
        bytes / 1048576.0,
        p.indexBytesPerRawByte(),
        heap,
        rss,
        p.docsPerCpuSec());
    return p;
  }

  private void warmUp() throws IOException, InterruptedException {
    Path dir = work.resolve("index-bench-warmup");
    CorpusReader.delete(dir);
    int n = Math.min(docs, WARMUP_DOCS);
    plainLucene(dir.resolve("lucene"), n);
    Extractor ex = Extractor.standard();
    try (PressIndex idx = PressIndex.open(dir.resolve("vnpress"))) {
      java.util.List<org.vnpress.extract.PressRelease> batch = new java.util.ArrayList<>();
      CorpusReader.read(corpus, n, r -> batch.add(ex.fromRecord(r)));
      idx.write(batch);
    }
    CorpusReader.delete(dir);
  }

  private int plainLucene(Path dir) throws IOException {
    return plainLucene(dir, docs);
  }

  /** The baseline a Lucene user would write first. */
  private int plainLucene(Path dir, int limit) throws IOException {
    IndexWriterConfig cfg = new IndexWriterConfig(new StandardAnalyzer());
    cfg.setRAMBufferSizeMB(64);
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, cfg)) {
      int n =
          CorpusReader.read(
              corpus,
              limit,
              r -> {
                Document doc = new Document();
                doc.add(new StringField("id", r.id(), Field.Store.YES));
                doc.add(
                    new TextField("title", r.title() == null ? "" : r.title(), Field.Store.YES));
                doc.add(new TextField("body", r.body(), Field.Store.YES));
                w.addDocument(doc);
              });
      w.commit();
      return n;
    }
  }

  /** Exactly what {@code vnpress index FILE} does. */
  private int vnpressIngest(Path dir) throws IOException {
    try (PressIndex idx = PressIndex.open(dir)) {
      Ingest.Summary s =
          new Ingest(idx, new Sources(Extractor.standard()))
              .run(List.of(corpus), Ingest.Progress.NONE);
      if (!s.rejected().isEmpty()) {
        log.println("  (rejected " + s.rejected().size() + ", first: " + s.rejected().get(0) + ")");
      }
      return s.added() + s.replaced();
    }
  }

  private double extractionRate(int n) throws IOException {
    Extractor ex = Extractor.standard();
    long t0 = System.nanoTime();
    int[] k = {0};
    CorpusReader.read(corpus, n, r -> k[0] += ex.fromRecord(r).districts().size() >= 0 ? 1 : 0);
    double rate = round(k[0] / ((System.nanoTime() - t0) / 1e9), 0);
    log.printf(
        Locale.ROOT,
        "  %-18s %,9d docs  %8.0f docs/s (JSON + extraction, no index)%n",
        "extract-only",
        k[0],
        rate);
    return rate;
  }

  /** Lever: the same schema, added without id lookups or per-batch refreshes, on 1 or 2 threads. */
  private int direct(Path dir, int threads) throws IOException, InterruptedException {
    IndexWriterConfig cfg = new IndexWriterConfig(TextFields.indexAnalyzer());
    cfg.setRAMBufferSizeMB(64);
    DocumentMapper mapper = new DocumentMapper(Fields.facetsConfig());
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, cfg)) {
      BlockingQueue<InputRecord> queue = new ArrayBlockingQueue<>(256);
      InputRecord end = new InputRecord(null, null, null, null, null, null);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread[] workers = new Thread[threads];
      for (int t = 0; t < threads; t++) {
        workers[t] =
            new Thread(
                () -> {
                  Extractor ex = Extractor.standard();
                  try {
                    for (InputRecord r = queue.take(); r != end; r = queue.take()) {
                      w.addDocument(mapper.toDocument(ex.fromRecord(r)));
                    }
                  } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                  }
                });
        workers[t].start();
      }
      int n =
          CorpusReader.read(
              corpus,
              docs,
              r -> {
                try {
                  queue.put(r);
                } catch (InterruptedException e) {
                  throw new IOException(e);
                }
              });
      for (int t = 0; t < threads; t++) {
        queue.put(end);
      }
      for (Thread t : workers) {
        t.join();
      }
      if (failure.get() != null) {
        throw new IOException("direct indexing failed", failure.get());
      }
      w.commit();
      return n;
    }
  }

  static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
