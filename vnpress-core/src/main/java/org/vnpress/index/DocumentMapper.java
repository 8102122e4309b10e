package org.vnpress.index;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.vnpress.extract.District;
import org.vnpress.extract.DocumentRef;
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
    Set<String> labels = new LinkedHashSet<>();
    for (District d : r.districts()) {
      facet(doc, labels, Fields.DISTRICT, d.value(), d.label());
    }
    for (District p : r.places()) {
      facet(doc, labels, Fields.PLACE, p.value(), p.label());
    }
    if (r.quarter() != null) {
      facet(doc, labels, Fields.QUARTER, r.quarter(), FacetLabels.quarter(r.quarter()));
    }
    if (r.date().isKnown()) {
      String y = Integer.toString(r.date().year());
      facet(doc, labels, Fields.YEAR, y, y);
    }
    for (DocumentRef d : r.documents()) {
      facet(doc, labels, Fields.DOCUMENT, d.value(), FacetLabels.document(d));
      facet(doc, labels, Fields.DOCTYPE, d.type(), d.typeLabel());
      if (d.issuer() != null) {
        facet(doc, labels, Fields.ISSUER, d.issuer(), d.issuerLabel());
      }
    }
    for (String p : r.periods()) {
      facet(doc, labels, Fields.PERIOD, p, FacetLabels.period(p));
    }
    return facets.build(doc);
  }

  private static void facet(
      Document doc, Set<String> seen, String dim, String value, String label) {
    if (value == null || value.isBlank()) {
      return;
    }
    String entry =
        dim
            + Fields.LABEL_SEPARATOR
            + value
            + Fields.LABEL_SEPARATOR
            + (label == null ? value : label);
    if (seen.add(dim + Fields.LABEL_SEPARATOR + value)) {
      doc.add(new SortedSetDocValuesFacetField(dim, value));
      doc.add(new SortedSetDocValuesField(Fields.LABELS, new BytesRef(entry)));
    }
  }
}
