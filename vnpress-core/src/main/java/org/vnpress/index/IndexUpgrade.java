package org.vnpress.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.PressRelease;

/**
 * Rebuilds an index written with an earlier layout ({@link Fields#SCHEMA}) from its stored records:
 * every release is kept, re-analysed into the current fields, in a folder beside the old one, which
 * replaces the old only once it is complete. What a release stored is kept; only the facts an older
 * layout did not store are found from its text (people, meeting, own number, terms of cited
 * numbers: {@link Extractor#upgraded}). Nothing is lost if the rebuild stops half-way (the old
 * index stays until the new one is committed).
 */
final class IndexUpgrade {

  private static final Logger LOG = LoggerFactory.getLogger(IndexUpgrade.class);

  private IndexUpgrade() {}

  /** Rebuilds the index in {@code dir} when it has another layout than the current one. */
  static void ifNeeded(Path dir) throws IOException {
    String schema;
    try (Directory d = FSDirectory.open(dir)) {
      schema = PressIndex.schemaOf(d);
    }
    if (schema == null || schema.equals(Fields.SCHEMA)) {
      return;
    }
    // layouts before 3 stored no people, meetings or own numbers: found again from the text
    Extractor refind = layoutBefore(schema, 3) ? Extractor.standard() : null;
    Path fresh = dir.resolveSibling(dir.getFileName() + ".rebuild");
    deleteTree(fresh);
    long copied = 0;
    try (Directory old = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(old);
        PressIndex target = PressIndex.open(FSDirectory.open(fresh))) {
      LOG.info(
          "index {} has layout {}, this version writes {}: rebuilding it from its {} stored records",
          dir,
          schema,
          Fields.SCHEMA,
          reader.numDocs());
      // batches of an interval, as vnpress index writes: a rebuild that stops is started again
      ReleaseWriter.Batch batch = null;
      int inBatch = 0;
      try {
        for (LeafReaderContext leaf : reader.leaves()) {
          LeafReader r = leaf.reader();
          Bits live = r.getLiveDocs();
          StoredFields stored = r.storedFields();
          for (int i = 0; i < r.maxDoc(); i++) {
            if (live != null && !live.get(i)) {
              continue;
            }
            Document doc = stored.document(i);
            if (batch == null) {
              batch = target.begin();
            }
            PressRelease release =
                RecordCodec.decode(doc.get(Fields.RECORD), doc.get(TextFields.BODY));
            batch.put(target.prepare(refind == null ? release : refind.upgraded(release)));
            copied++;
            if (++inBatch == Ingest.COMMIT_EVERY) {
              batch.commit();
              batch = null;
              inBatch = 0;
              LOG.info("rebuilt {} of {}", copied, reader.numDocs());
            }
          }
        }
        if (batch != null) {
          batch.commit();
          batch = null;
        }
      } finally {
        if (batch != null) {
          batch.close();
        }
      }
    }
    // the complete new index takes the old one's place
    Path old = dir.resolveSibling(dir.getFileName() + ".old");
    deleteTree(old);
    Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
    Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
    LOG.info("index {} rebuilt: {} releases in layout {}", dir, copied, Fields.SCHEMA);
  }

  /** Whether a stored layout number is older than {@code layout} (unreadable ones are). */
  static boolean layoutBefore(String schema, int layout) {
    try {
      return Integer.parseInt(schema.strip()) < layout;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
