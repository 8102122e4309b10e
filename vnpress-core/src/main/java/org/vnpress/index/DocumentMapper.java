package org.vnpress.index;

import java.io.IOException;
import java.time.LocalDate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.vnpress.extract.PressRelease;

/** Turns a {@link PressRelease} into the Lucene document that the index stores. */
public final class DocumentMapper {

  private final FacetsConfig facets;

  public DocumentMapper(FacetsConfig facets) {
    this.facets = facets;
  }

  public Document toDocument(PressRelease r) throws IOException {
    return toDocument(r, null);
  }

  /** As {@link #toDocument(PressRelease)}, also keeping the text's syllables in {@code counts}. */
  public Document toDocument(PressRelease r, TextCounts counts) throws IOException {
    Document doc = new Document();
    // the id is a keyword so updateDocument can replace by it
    doc.add(new StringField(Fields.ID, r.id(), Field.Store.YES));
    for (Field f : TextFields.fields(r.displayTitle(), r.body(), counts)) {
      doc.add(f);
    }
    // the record without its body: everything a hit shows, in one stored field
    doc.add(new StoredField(Fields.RECORD, RecordCodec.encodeWithoutBody(r)));
    LocalDate day = r.date().firstDay();
    if (day != null) {
      // epoch day: range filters (points) and date sort (doc values)
      doc.add(new LongField(Fields.DATE, day.toEpochDay(), Field.Store.NO));
    }
    for (RecordFacets.Entry e : RecordFacets.of(r)) {
      doc.add(new SortedSetDocValuesFacetField(e.dim(), e.value()));
      // dim␟value␟label: the facet labels' dictionary
      String entry =
          e.dim() + Fields.LABEL_SEPARATOR + e.value() + Fields.LABEL_SEPARATOR + e.label();
      doc.add(new SortedSetDocValuesField(Fields.LABELS, new BytesRef(entry)));
    }
    // filter-only values as plain keywords: searchable, never counted
    RecordFacets.filters(r)
        .forEach(
            (dim, values) ->
                values.forEach(
                    v -> doc.add(new StringField(Fields.filterField(dim), v, Field.Store.NO))));
    return facets.build(doc);
  }
}
