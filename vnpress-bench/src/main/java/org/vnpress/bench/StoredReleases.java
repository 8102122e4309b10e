package org.vnpress.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.vnpress.extract.District;
import org.vnpress.extract.DocumentRef;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.Fields;
import org.vnpress.index.RecordCodec;
import org.vnpress.index.TextFields;

/**
 * Reads back the releases a vnpress index stores, so that the peers index exactly the same
 * extracted text and facet values without running extraction again.
 */
final class StoredReleases {

  /** One facet value of one release, as the peers store them. */
  record FacetRow(String dim, String value) {}

  /** Receives a release with its row number (1-based, the peers' row id). */
  interface Sink {
    void accept(int row, PressRelease r, List<FacetRow> facets) throws Exception;
  }

  private StoredReleases() {}

  static int forEach(Path vnpressIndex, Sink sink) throws Exception {
    int row = 0;
    try (FSDirectory dir = FSDirectory.open(vnpressIndex);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext ctx : reader.leaves()) {
        LeafReader leaf = ctx.reader();
        Bits live = leaf.getLiveDocs();
        StoredFields stored = leaf.storedFields();
        for (int i = 0; i < leaf.maxDoc(); i++) {
          if (live != null && !live.get(i)) {
            continue;
          }
          Document d = stored.document(i);
          PressRelease r = RecordCodec.decode(d.get(Fields.RECORD), d.get(TextFields.BODY));
          sink.accept(++row, r, facets(r));
        }
      }
    }
    return row;
  }

  /** The facet values the peers count: district, quarter, year, document, doctype. */
  static List<FacetRow> facets(PressRelease r) {
    List<FacetRow> out = new ArrayList<>();
    for (District d : r.districts()) {
      out.add(new FacetRow("district", d.value()));
    }
    if (r.quarter() != null) {
      out.add(new FacetRow("quarter", r.quarter()));
    }
    if (r.date().year() > 0) {
      out.add(new FacetRow("year", Integer.toString(r.date().year())));
    }
    java.util.Set<String> types = new java.util.LinkedHashSet<>();
    for (DocumentRef ref : r.documents()) {
      out.add(new FacetRow("document", ref.value()));
      if (ref.type() != null) {
        types.add(ref.type());
      }
    }
    for (String t : types) {
      out.add(new FacetRow("doctype", t));
    }
    return out;
  }

  static String title(PressRelease r) {
    return r.displayTitle() == null ? "" : r.displayTitle();
  }
}
