package org.vnpress.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.Fields;
import org.vnpress.index.RecordCodec;
import org.vnpress.index.RecordFacets;
import org.vnpress.index.TextFields;

/**
 * The index as OpenSearch holds it: the embedded index's fields under the plugin's analyzers (the
 * folded key and the syllable pairs as sub-fields of the text), facets as keywords with their
 * labels beside them, the record stored for display.
 */
final class OpenSearchMapping {

  /** Suffix of the facet fields that hold {@code value␟label} for aggregation. */
  static final String LABELLED = "_labelled";

  static final String SEP = String.valueOf(Fields.LABEL_SEPARATOR);

  /** The embedded index's folded and pair fields are sub-fields of the exact ones here. */
  static final Map<String, String> FIELD_NAMES =
      Map.of(
          TextFields.TITLE_FOLDED, TextFields.TITLE + ".folded",
          TextFields.BODY_FOLDED, TextFields.BODY + ".folded",
          TextFields.TITLE_PAIRS, TextFields.TITLE + ".pairs",
          TextFields.BODY_PAIRS, TextFields.BODY + ".pairs");

  private OpenSearchMapping() {}

  /** The cluster's name for an embedded index field. */
  static String field(String luceneField) {
    return FIELD_NAMES.getOrDefault(luceneField, luceneField);
  }

  /** Settings and mapping: text fields on the plugin's analyzers, facets as keywords. */
  static ObjectNode indexDefinition(OpenSearchBackend.Layout layout) {
    ObjectNode def = OpenSearchHosts.JSON.createObjectNode();
    ObjectNode idx = def.putObject("settings").putObject("index");
    idx.put("number_of_shards", layout.shards()).put("number_of_replicas", layout.replicas());
    ObjectNode mappings = def.putObject("mappings");
    mappings.put("dynamic", "strict");
    ObjectNode props = mappings.putObject("properties");
    props.putObject(Fields.ID).put("type", "keyword");
    for (String f : List.of(TextFields.TITLE, TextFields.BODY)) {
      ObjectNode t = text(props.putObject(f), "vietnamese_exact");
      ObjectNode sub = t.putObject("fields");
      text(sub.putObject("folded"), "vietnamese_folded");
      // adjacency as terms: whether two syllables stand together
      sub.putObject("pairs")
          .put("type", "text")
          .put("analyzer", "vietnamese_pairs")
          .put("index_options", "docs");
    }
    // the record is only read back, never searched
    props
        .putObject(Fields.RECORD)
        .put("type", "keyword")
        .put("index", false)
        .put("doc_values", false);
    props.putObject(Fields.DATE).put("type", "long");
    for (String dim : Fields.FACETS) {
      props.putObject(dim).put("type", "keyword");
      props.putObject(dim + LABELLED).put("type", "keyword").put("index", false);
    }
    // filter-only: searched, never aggregated
    for (String dim : Fields.FILTER_ONLY) {
      props.putObject(Fields.filterField(dim)).put("type", "keyword").put("doc_values", false);
    }
    return def;
  }

  private static ObjectNode text(ObjectNode field, String analyzer) {
    return field
        .put("type", "text")
        .put("analyzer", analyzer)
        .put("search_analyzer", analyzer + "_query");
  }

  /** The document OpenSearch stores for a release. */
  static ObjectNode source(PressRelease r) {
    ObjectNode d = OpenSearchHosts.JSON.createObjectNode();
    d.put(Fields.ID, r.id());
    d.put(TextFields.TITLE, r.displayTitle() == null ? "" : r.displayTitle());
    d.put(TextFields.BODY, r.body());
    d.put(Fields.RECORD, RecordCodec.encodeWithoutBody(r));
    if (r.date().firstDay() != null) {
      d.put(Fields.DATE, r.date().firstDay().toEpochDay());
    }
    Map<String, Map<String, String>> facets = new LinkedHashMap<>();
    for (RecordFacets.Entry e : RecordFacets.of(r)) {
      facets.computeIfAbsent(e.dim(), k -> new LinkedHashMap<>()).putIfAbsent(e.value(), e.label());
    }
    RecordFacets.filters(r)
        .forEach(
            (dim, values) -> {
              ArrayNode a = d.putArray(Fields.filterField(dim));
              values.forEach(a::add);
            });
    facets.forEach(
        (dim, values) -> {
          ArrayNode plain = d.putArray(dim);
          ArrayNode labelled = d.putArray(dim + LABELLED);
          values.forEach(
              (v, label) -> {
                plain.add(v);
                labelled.add(v + SEP + label);
              });
        });
    return d;
  }
}
