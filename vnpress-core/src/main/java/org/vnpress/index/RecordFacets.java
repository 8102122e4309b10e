package org.vnpress.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnpress.extract.District;
import org.vnpress.extract.DocumentRef;
import org.vnpress.extract.Meeting;
import org.vnpress.extract.Person;
import org.vnpress.extract.PressRelease;

/**
 * The facet values of a release and their labels, decided once for every backend ({@link
 * DocumentMapper} for Lucene, the OpenSearch mapping for the cluster), and its filter-only values.
 */
public final class RecordFacets {

  /** One facet value of a release. */
  public record Entry(String dim, String value, String label) {}

  private RecordFacets() {}

  /** The release's facet values, each (dim, value) once, in the order of {@link Fields#FACETS}. */
  public static List<Entry> of(PressRelease r) {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (District d : r.districts()) {
      add(out, Fields.DISTRICT, d.value(), d.label());
    }
    for (District p : r.places()) {
      add(out, Fields.PLACE, p.value(), p.label());
    }
    if (r.quarter() != null) {
      add(out, Fields.QUARTER, r.quarter(), FacetLabels.quarter(r.quarter()));
    }
    if (r.date().isKnown()) {
      String y = Integer.toString(r.date().year());
      add(out, Fields.YEAR, y, y);
    }
    for (DocumentRef d : r.documents()) {
      add(out, Fields.DOCUMENT, d.value(), FacetLabels.document(d));
      add(out, Fields.DOCTYPE, d.type(), d.typeLabel());
      if (d.issuer() != null) {
        add(out, Fields.ISSUER, d.issuer(), d.issuerLabel());
      }
      if (d.edition() != null && !isOwn(r, d)) {
        add(out, Fields.EDITION, d.edition(), FacetLabels.edition(d));
      }
    }
    for (String p : r.periods()) {
      add(out, Fields.PERIOD, p, FacetLabels.period(p));
    }
    for (Person p : r.people()) {
      add(out, Fields.PERSON, p.name(), p.name());
      if (p.postLabel() != null) {
        add(out, Fields.POST, p.postLabel(), p.postLabel());
      }
    }
    Meeting m = r.meeting();
    if (m != null) {
      add(out, Fields.MEETING_BODY, m.body(), m.body());
      if (m.session() != null) {
        add(out, Fields.SESSION, m.session().toString(), "Lần thứ " + m.session());
      }
      if (m.term() != null) {
        add(out, Fields.TERM, m.term(), "Khóa " + m.term());
      }
    }
    List<Entry> sorted = new ArrayList<>(out.values());
    sorted.sort(java.util.Comparator.comparingInt(e -> Fields.FACETS.indexOf(e.dim())));
    return sorted;
  }

  /** The filter-only values: dim → values ({@link Fields#FILTER_ONLY}). */
  public static Map<String, List<String>> filters(PressRelease r) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (r.number() != null) {
      out.put(Fields.NUMBER, List.of(r.number().value()));
    }
    Set<String> cites = new LinkedHashSet<>();
    for (DocumentRef d : r.documents()) {
      if (!isOwn(r, d)) {
        cites.add(d.value());
        if (d.edition() != null) {
          cites.add(d.edition());
        }
      }
    }
    if (!cites.isEmpty()) {
      out.put(Fields.CITES, List.copyOf(cites));
    }
    return out;
  }

  private static boolean isOwn(PressRelease r, DocumentRef d) {
    return r.number() != null && r.number().value().equals(d.value());
  }

  private static void add(Map<String, Entry> out, String dim, String value, String label) {
    if (value == null || value.isBlank()) {
      return;
    }
    out.putIfAbsent(
        dim + Fields.LABEL_SEPARATOR + value, new Entry(dim, value, label == null ? value : label));
  }
}
