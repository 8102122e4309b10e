package org.vnpress.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.FSDirectory;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.DocumentMapper;
import org.vnpress.index.Fields;
import org.vnpress.index.SyllableCounts;
import org.vnpress.index.TextCounts;
import org.vnpress.index.TextFields;

/**
 * Experiment for the lead: what each part of the vnpress schema costs to index, with one part left
 * out at a time, on the same pre-extracted documents: the time to map and add them on one thread
 * (extraction and JSON excluded; the merge to one segment timed apart) and the index size per raw
 * byte. The product's writer settings (codec, buffer, sort by date) are copied here, so the product
 * code is untouched. Arguments: corpus file, documents, work folder.
 */
public final class IndexLevers {

  private static final Set<String> PAIRS = Set.of(TextFields.TITLE_PAIRS, TextFields.BODY_PAIRS);

  private IndexLevers() {}

  /** One variant of the schema. */
  private record Variant(String name, boolean counts, boolean pairs, boolean sorted) {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Path work = Path.of(args[2]);
    Extractor ex = Extractor.standard();
    List<PressRelease> releases = new ArrayList<>(n);
    long[] raw = {0};
    long t0 = System.nanoTime();
    CorpusReader.read(
        corpus,
        n,
        r -> {
          raw[0] += CorpusReader.rawBytes(r);
          releases.add(ex.fromRecord(r));
        });
    System.out.printf(
        Locale.ROOT,
        "extraction: %.0f docs/s (JSON + Extractor, one thread)%n",
        n / ((System.nanoTime() - t0) / 1e9));
    List<Variant> variants =
        List.of(
            new Variant("as the product writes", true, true, true),
            new Variant("without the accent model's counts", false, true, true),
            new Variant("without the syllable-pair fields", true, false, true),
            new Variant("without the sort by date", true, true, false),
            new Variant("none of the three", false, false, false));
    // once, unmeasured,, so that the first variant does not pay for the JIT
    variant(new Variant("warm-up", true, true, true), releases.subList(0, n / 5), raw[0], work);
    for (Variant v : variants) {
      variant(v, releases, raw[0], work);
    }
  }

  private static void variant(Variant v, List<PressRelease> releases, long raw, Path work)
      throws Exception {
    Path dir = work.resolve("levers");
    CorpusReader.delete(dir);
    IndexWriterConfig cfg = new IndexWriterConfig(TextFields.indexAnalyzer());
    cfg.setRAMBufferSizeMB(64);
    cfg.setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
    if (v.sorted()) {
      cfg.setIndexSort(Fields.BY_DATE);
    }
    DocumentMapper mapper = new DocumentMapper(Fields.facetsConfig());
    SyllableCounts counts = new SyllableCounts();
    long t0 = System.nanoTime();
    long added;
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, cfg)) {
      for (PressRelease r : releases) {
        Document doc;
        if (v.counts()) {
          TextCounts c = new TextCounts();
          doc = mapper.toDocument(r, c);
          counts.add(c);
        } else {
          doc = mapper.toDocument(r);
        }
        if (!v.pairs()) {
          doc = withoutPairs(doc);
        }
        w.addDocument(doc);
      }
      w.commit();
      added = System.nanoTime();
      w.forceMerge(1);
      w.commit();
    }
    double sec = (added - t0) / 1e9;
    double merge = (System.nanoTime() - added) / 1e9;
    long bytes = CorpusReader.folderBytes(dir);
    if (!v.name().equals("warm-up")) {
      System.out.printf(
          Locale.ROOT,
          "%-36s %6.0f docs/s on one thread (%5.1f s, merge %5.1f s)  index %.3f× raw%n",
          v.name(),
          releases.size() / sec,
          sec,
          merge,
          (double) bytes / raw);
    }
    CorpusReader.delete(dir);
  }

  private static Document withoutPairs(Document in) {
    Document out = new Document();
    for (IndexableField f : in.getFields()) {
      if (!PAIRS.contains(f.name())) {
        out.add(f);
      }
    }
    return out;
  }
}
