package org.vnpress.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.FSDirectory;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.DocumentMapper;
import org.vnpress.index.Fields;
import org.vnpress.index.TextFields;

/**
 * Experiment for the lead: the vnpress schema with one lever changed at a time, on the same
 * pre-extracted documents, reporting index size per raw byte and indexing time (extraction and JSON
 * excluded). The levers rewrite the text fields of {@link DocumentMapper}'s documents, so the
 * product code is untouched. Arguments: corpus file, documents, work folder.
 */
public final class IndexLevers {

  private static final Set<String> TEXT =
      Set.of(TextFields.TITLE, TextFields.BODY, TextFields.TITLE_FOLDED, TextFields.BODY_FOLDED);

  private IndexLevers() {}

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
    variant("as is", releases, raw[0], work, null, false, false);
    variant("no offsets on folded fields", releases, raw[0], work, null, true, false);
    variant(
        "no offsets at all (highlighter re-analyses)", releases, raw[0], work, null, true, true);
    variant(
        "as is + BEST_COMPRESSION stored fields",
        releases,
        raw[0],
        work,
        Lucene104Codec.Mode.BEST_COMPRESSION,
        false,
        false);
    variant(
        "no folded offsets + BEST_COMPRESSION",
        releases,
        raw[0],
        work,
        Lucene104Codec.Mode.BEST_COMPRESSION,
        true,
        false);
  }

  private static void variant(
      String name,
      List<PressRelease> releases,
      long raw,
      Path work,
      Lucene104Codec.Mode mode,
      boolean noFoldedOffsets,
      boolean noOffsets)
      throws Exception {
    Path dir = work.resolve("levers");
    CorpusReader.delete(dir);
    IndexWriterConfig cfg = new IndexWriterConfig(TextFields.indexAnalyzer());
    cfg.setRAMBufferSizeMB(64);
    if (mode != null) {
      cfg.setCodec(new Lucene104Codec(mode));
    }
    DocumentMapper mapper = new DocumentMapper(Fields.facetsConfig());
    long t0 = System.nanoTime();
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, cfg)) {
      for (PressRelease r : releases) {
        Document doc = mapper.toDocument(r);
        if (noFoldedOffsets || noOffsets) {
          doc = rewrite(doc, noOffsets);
        }
        w.addDocument(doc);
      }
      w.forceMerge(1);
      w.commit();
    }
    double sec = (System.nanoTime() - t0) / 1e9;
    long bytes = CorpusReader.folderBytes(dir);
    System.out.printf(
        Locale.ROOT,
        "%-45s %7.0f docs/s  index %.3f× raw (after forceMerge(1))%n",
        name,
        releases.size() / sec,
        (double) bytes / raw);
    CorpusReader.delete(dir);
  }

  private static Document rewrite(Document in, boolean noOffsets) {
    Document out = new Document();
    for (IndexableField f : in.getFields()) {
      if (TEXT.contains(f.name()) && f instanceof Field field) {
        boolean folded = f.name().endsWith("_folded");
        FieldType t = new FieldType(field.fieldType());
        if (noOffsets || folded) {
          t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        }
        t.freeze();
        out.add(new Field(f.name(), field.stringValue(), t));
      } else {
        out.add(f);
      }
    }
    return out;
  }
}
