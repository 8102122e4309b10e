package org.vnpress.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.extract.District;
import org.vnpress.extract.DocumentRef;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.FacetLabels;
import org.vnpress.index.Fields;
import org.vnpress.index.NgramTable;
import org.vnpress.index.RecordCodec;
import org.vnpress.index.SyllableCounts;
import org.vnpress.index.TextCounts;
import org.vnpress.index.TextFields;
import org.vnpress.search.BackendUnavailableException;
import org.vnpress.search.DocumentView;
import org.vnpress.search.FacetValue;
import org.vnpress.search.Hit;
import org.vnpress.search.IngestResult;
import org.vnpress.search.SearchBackend;
import org.vnpress.search.SearchRequest;
import org.vnpress.search.SearchResponse;
import org.vnpress.search.TextQueryBuilder;
import org.vnpress.search.WholePhrase;
import org.vnpress.search.restore.AccentRestorer;
import org.vnpress.search.restore.Restoration;

/**
 * Search on an OpenSearch cluster whose nodes run the vnpress analysis plugin: the same query as
 * the embedded index (built by {@link TextQueryBuilder}, sent as DSL), drill-sideways facets as
 * per-facet filter aggregations beside a {@code post_filter}, highlights with {@code <mark>}. Plain
 * HTTP and Jackson, no client library.
 */
public final class OpenSearchBackend implements SearchBackend {

  /** Index shape: shards and replicas, chosen when the index is created. */
  public record Layout(int shards, int replicas) {
    public static final Layout DEFAULT = new Layout(1, 1);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(OpenSearchBackend.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int ALL_VALUES = 10_000;
  private static final float DISTRICT_BOOST = 10f;
  private static final long DISTRICT_CACHE_NANOS = 60_000_000_000L;

  /** Suffix of the facet fields that hold {@code value␟label} for aggregation. */
  private static final String LABELLED = "_labelled";

  private static final String SEP = String.valueOf(Fields.LABEL_SEPARATOR);

  /** The nodes to send requests to, tried in turn when one cannot be reached. */
  private final List<URI> hosts;

  /** The node that answered last: requests start there. */
  private volatile int current;

  private final String index;
  private final HttpClient http;
  private final TextQueryBuilder queries = new TextQueryBuilder();
  private final Analyzer folding = new VietnameseAnalyzer(VietnameseAnalyzer.Key.FOLDED);
  private final WholePhrase wholePhrase = new WholePhrase();
  private final SyllableCounts syllables = new SyllableCounts();
  private final AccentRestorer restorer = AccentRestorer.of(syllables);
  private final ClusterSyllableStore syllableStore;
  private final AtomicBoolean syllablesLoading = new AtomicBoolean();
  private volatile boolean syllablesLoaded;
  private volatile DistrictNames districts;

  private record DistrictNames(long builtAt, Map<String, List<String>> byName) {}

  /**
   * Connects to a cluster and creates the index with the vnpress mapping if it does not exist.
   *
   * @param base the cluster's HTTP address, e.g. {@code http://127.0.0.1:9200}
   * @param index the index name
   */
  public static OpenSearchBackend open(URI base, String index, Layout layout) throws IOException {
    return open(List.of(base), index, layout);
  }

  /**
   * As {@link #open(URI, String, Layout)} with several nodes of one cluster: each request goes to
   * the node that answered last and moves on to the next when that one cannot be reached.
   */
  public static OpenSearchBackend open(List<URI> hosts, String index, Layout layout)
      throws IOException {
    OpenSearchBackend b = new OpenSearchBackend(hosts, index);
    b.createIndexIfMissing(layout);
    return b;
  }

  /** A backend for an index that exists (or will): contacts the cluster only when used. */
  public static OpenSearchBackend attach(URI base, String index) {
    return attach(List.of(base), index);
  }

  /** As {@link #attach(URI, String)} with several nodes of one cluster. */
  public static OpenSearchBackend attach(List<URI> hosts, String index) {
    return new OpenSearchBackend(hosts, index);
  }

  private OpenSearchBackend(List<URI> hosts, String index) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("no OpenSearch address given");
    }
    this.hosts =
        hosts.stream()
            .map(URI::toString)
            .map(s -> URI.create(s.endsWith("/") ? s : s + "/"))
            .toList();
    this.index = index;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.syllableStore =
        new ClusterSyllableStore(
            (method, p, json) -> {
              Answer a = call(method, p, json, "application/json");
              return new ClusterSyllableStore.Reply(a.status, a.body.toString());
            },
            index);
  }

  public String index() {
    return index;
  }

  // ---------------------------------------------------------------- HTTP

  private record Answer(int status, JsonNode body) {}

  private Answer call(String method, String path, String body, String contentType)
      throws IOException {
    int first = current;
    BackendUnavailableException last = null;
    for (int k = 0; k < hosts.size(); k++) {
      int i = (first + k) % hosts.size();
      try {
        Answer a = call(hosts.get(i), method, path, body, contentType);
        current = i;
        return a;
      } catch (BackendUnavailableException e) {
        // every request here is a search, a read or a write by id: safe to send to the next node
        last = e;
      }
    }
    throw last;
  }

  private Answer call(URI base, String method, String path, String body, String contentType)
      throws IOException {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (body == null) {
      rb.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      rb.header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    HttpResponse<String> r;
    try {
      r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // refused, timed out, or a node that died mid-request: the cluster, not the caller, failed
      throw new BackendUnavailableException(
          "the search cluster at "
              + base
              + " is unreachable ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for OpenSearch", e);
    }
    JsonNode json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    if (r.statusCode() == 503 || r.statusCode() == 502 || r.statusCode() == 504) {
      throw new BackendUnavailableException(
          "the search cluster at " + base + " cannot answer now (" + reason(json) + ")", null);
    }
    return new Answer(r.statusCode(), json);
  }

  private Answer json(String method, String path, JsonNode body) throws IOException {
    return call(
        method, path, body == null ? null : JSON.writeValueAsString(body), "application/json");
  }

  private static String reason(JsonNode json) {
    JsonNode e = json.path("error");
    return e.isTextual() ? e.asText() : e.path("reason").asText(json.toString());
  }

  private static IOException failed(String what, Answer a) {
    return new IOException(what + " failed with HTTP " + a.status + ": " + reason(a.body));
  }

  private String path(String rest) {
    return URLEncoder.encode(index, StandardCharsets.UTF_8) + rest;
  }

  private static String enc(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // ---------------------------------------------------------------- index

  private void createIndexIfMissing(Layout layout) throws IOException {
    if (call("HEAD", path(""), null, null).status == 200) {
      return;
    }
    Answer a = json("PUT", path(""), indexDefinition(layout));
    if (a.status >= 300
        && !a.body
            .path("error")
            .path("type")
            .asText()
            .equals("resource_already_exists_exception")) {
      throw failed("creating index " + index, a);
    }
  }

  /** Settings and mapping: text fields on the plugin's analyzers, facets as keywords. */
  static ObjectNode indexDefinition(Layout layout) {
    ObjectNode def = JSON.createObjectNode();
    ObjectNode idx = def.putObject("settings").putObject("index");
    idx.put("number_of_shards", layout.shards()).put("number_of_replicas", layout.replicas());
    ObjectNode mappings = def.putObject("mappings");
    mappings.put("dynamic", "strict");
    ObjectNode props = mappings.putObject("properties");
    props.putObject(Fields.ID).put("type", "keyword");
    for (String f : List.of(TextFields.TITLE, TextFields.BODY)) {
      ObjectNode t = text(props.putObject(f), "vietnamese_exact");
      text(t.putObject("fields").putObject("folded"), "vietnamese_folded");
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
    return def;
  }

  private static ObjectNode text(ObjectNode field, String analyzer) {
    // offsets in the postings: the unified highlighter then needs no re-analysis
    return field
        .put("type", "text")
        .put("analyzer", analyzer)
        .put("search_analyzer", analyzer + "_query")
        .put("index_options", "offsets");
  }

  /** Deletes the index: for tests and benchmarks. */
  public void dropIndex() throws IOException {
    call("DELETE", path(""), null, null);
    syllableStore.drop();
  }

  // ---------------------------------------------------------------- ingest

  @Override
  public IngestResult ingest(List<PressRelease> releases, List<IngestResult.Rejection> rejected)
      throws IOException {
    if (releases.isEmpty()) {
      return new IngestResult(0, 0, rejected);
    }
    StringBuilder nd = new StringBuilder();
    for (PressRelease r : releases) {
      ObjectNode action = JSON.createObjectNode();
      action.putObject("index").put("_index", index).put("_id", r.id());
      nd.append(JSON.writeValueAsString(action)).append('\n');
      nd.append(JSON.writeValueAsString(source(r))).append('\n');
    }
    // wait_for: searchable when we answer; the translog makes it durable before the ack
    Answer a = call("POST", "_bulk?refresh=wait_for", nd.toString(), "application/x-ndjson");
    if (a.status >= 300) {
      throw failed("bulk ingest", a);
    }
    int added = 0;
    int replaced = 0;
    for (JsonNode item : a.body.path("items")) {
      JsonNode op = item.path("index");
      if (op.has("error")) {
        throw new IOException("indexing " + op.path("_id").asText() + " failed: " + reason(op));
      }
      if (op.path("result").asText().equals("updated")) {
        replaced++;
      } else {
        added++;
      }
    }
    districts = null;
    loadSyllables();
    for (PressRelease r : releases) {
      syllables.add(TextCounts.of(r.displayTitle(), r.body()));
    }
    counted();
    return new IngestResult(added, replaced, rejected);
  }

  /** The document OpenSearch stores for a release. */
  static ObjectNode source(PressRelease r) {
    ObjectNode d = JSON.createObjectNode();
    d.put(Fields.ID, r.id());
    d.put(TextFields.TITLE, r.displayTitle() == null ? "" : r.displayTitle());
    d.put(TextFields.BODY, r.body());
    d.put(Fields.RECORD, RecordCodec.encodeWithoutBody(r));
    if (r.date().firstDay() != null) {
      d.put(Fields.DATE, r.date().firstDay().toEpochDay());
    }
    Map<String, Map<String, String>> facets = new LinkedHashMap<>();
    for (District x : r.districts()) {
      facet(facets, Fields.DISTRICT, x.value(), x.label());
    }
    for (District p : r.places()) {
      facet(facets, Fields.PLACE, p.value(), p.label());
    }
    if (r.quarter() != null) {
      facet(facets, Fields.QUARTER, r.quarter(), FacetLabels.quarter(r.quarter()));
    }
    if (r.date().isKnown()) {
      String y = Integer.toString(r.date().year());
      facet(facets, Fields.YEAR, y, y);
    }
    for (DocumentRef x : r.documents()) {
      facet(facets, Fields.DOCUMENT, x.value(), FacetLabels.document(x));
      facet(facets, Fields.DOCTYPE, x.type(), x.typeLabel());
      if (x.issuer() != null) {
        facet(facets, Fields.ISSUER, x.issuer(), x.issuerLabel());
      }
    }
    for (String p : r.periods()) {
      facet(facets, Fields.PERIOD, p, FacetLabels.period(p));
    }
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

  private static void facet(
      Map<String, Map<String, String>> facets, String dim, String value, String label) {
    if (value == null || value.isBlank()) {
      return;
    }
    facets
        .computeIfAbsent(dim, k -> new LinkedHashMap<>())
        .putIfAbsent(value, label == null ? value : label);
  }

  @Override
  public boolean delete(String id) throws IOException {
    Answer a = call("DELETE", path("/_doc/" + enc(id) + "?refresh=wait_for"), null, null);
    if (a.status == 404) {
      return false;
    }
    if (a.status >= 300) {
      throw failed("delete", a);
    }
    districts = null;
    return a.body.path("result").asText().equals("deleted");
  }

  @Override
  public long count() throws IOException {
    Answer a = call("GET", path("/_count"), null, null);
    if (a.status >= 300) {
      throw failed("count", a);
    }
    return a.body.path("count").asLong();
  }

  @Override
  public Optional<DocumentView> document(String id) throws IOException {
    Answer a = call("GET", path("/_doc/" + enc(id)), null, null);
    if (a.status == 404 || !a.body.path("found").asBoolean()) {
      return Optional.empty();
    }
    JsonNode src = a.body.path("_source");
    PressRelease r =
        RecordCodec.decode(src.path(Fields.RECORD).asText(), src.path(TextFields.BODY).asText());
    return Optional.of(DocumentView.of(r));
  }

  // ---------------------------------------------------------------- search

  @Override
  public SearchResponse search(SearchRequest req) throws IOException {
    long start = System.nanoTime();
    loadSyllables();
    Query text = queries.build(req.q());
    ObjectNode body = JSON.createObjectNode();
    int from = (req.page() - 1) * req.size();
    body.put("from", from).put("size", req.size()).put("track_total_hits", true);
    body.putArray("_source").add(Fields.RECORD);

    // the base query: text, district preference, date range; facet filters go to post_filter
    ObjectNode bool = body.putObject("query").putObject("bool");
    bool.putArray("must").add(OpenSearchQueries.toJson(text));
    ArrayNode should = bool.putArray("should");
    for (String d : districtsNamed(req.q())) {
      ObjectNode cs = should.addObject().putObject("constant_score");
      cs.putObject("filter").putObject("term").put(Fields.DISTRICT, d);
      cs.put("boost", DISTRICT_BOOST);
    }
    if (req.from() != null || req.to() != null) {
      ObjectNode range =
          bool.putArray("filter").addObject().putObject("range").putObject(Fields.DATE);
      if (req.from() != null) {
        range.put("gte", req.from().toEpochDay());
      }
      if (req.to() != null) {
        range.put("lte", req.to().toEpochDay());
      }
    }
    Map<String, ObjectNode> filters = new LinkedHashMap<>();
    req.filters()
        .forEach(
            (dim, values) -> {
              if (!values.isEmpty()) {
                ObjectNode terms = JSON.createObjectNode();
                ArrayNode list = terms.putObject("terms").putArray(dim);
                values.forEach(list::add);
                filters.put(dim, terms);
              }
            });
    if (!filters.isEmpty()) {
      ArrayNode all = body.putObject("post_filter").putObject("bool").putArray("filter");
      filters.values().forEach(all::add);
    }
    ObjectNode aggs = body.putObject("aggs");
    for (String dim : Fields.FACETS) {
      // drill sideways: each facet counts under every filter but its own
      ObjectNode agg = aggs.putObject(dim);
      ArrayNode others = agg.putObject("filter").putObject("bool").putArray("filter");
      filters.forEach(
          (d, f) -> {
            if (!d.equals(dim)) {
              others.add(f);
            }
          });
      boolean all = dim.equals(Fields.QUARTER) || dim.equals(Fields.YEAR);
      int size = all ? ALL_VALUES : req.facetLimit();
      ObjectNode terms = agg.putObject("aggs").putObject("values").putObject("terms");
      terms.put("field", dim).put("size", size).put("shard_size", Math.max(size * 2, 100));
      ArrayNode order = terms.putArray("order");
      order.addObject().put("_count", "desc");
      order.addObject().put("_key", "asc");
      // the label rides along: one value has one label
      ObjectNode label =
          agg.with("aggs").with("values").putObject("aggs").putObject("label").putObject("terms");
      label.put("field", dim + LABELLED).put("size", 1);
    }
    boolean byDate = req.sort() == SearchRequest.Sort.DATE || req.q().isBlank();
    ArrayNode sort = body.putArray("sort");
    if (byDate) {
      sort.addObject().putObject(Fields.DATE).put("order", "desc").put("missing", "_last");
    }
    sort.addObject().put("_score", "desc");
    sort.addObject().put(Fields.ID, "asc");
    if (byDate) {
      body.put("track_scores", true);
    }
    Query phrase = wholePhrase.of(req.q());
    body.set("highlight", highlight(phrase != null ? phrase : text));

    Answer a = json("POST", path("/_search"), body);
    if (a.status >= 300) {
      throw failed("search", a);
    }
    JsonNode shards = a.body.path("_shards");
    if (shards.path("total").asInt() > 0 && shards.path("successful").asInt() == 0) {
      // every copy of every shard failed: an empty page would be a lie
      throw new BackendUnavailableException(
          "no shard of index " + index + " answered at " + hosts.get(current), null);
    }
    JsonNode hitsNode = a.body.path("hits");
    long total = hitsNode.path("total").path("value").asLong();
    List<Hit> hits = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (JsonNode h : hitsNode.path("hits")) {
      if (phrase != null && !hasMark(h.path("highlight"))) {
        missing.add(h.path("_id").asText());
      }
    }
    // hits where the words never stand together: mark them one by one, as the embedded index does
    Map<String, JsonNode> perWord = missing.isEmpty() ? Map.of() : highlightsFor(missing, text);
    for (JsonNode h : hitsNode.path("hits")) {
      JsonNode hl = perWord.getOrDefault(h.path("_id").asText(), h.path("highlight"));
      PressRelease r = RecordCodec.decode(h.path("_source").path(Fields.RECORD).asText(), "");
      String title = pick(hl, TextFields.TITLE);
      String snippet = pick(hl, TextFields.BODY);
      hits.add(Hit.of(r, title, snippet, (float) h.path("_score").asDouble(0)));
    }
    Map<String, List<FacetValue>> facets = facetValues(a.body.path("aggregations"));
    Restoration restored = restorer.restore(req.q());
    String suggestion = restored.suggestion();
    long took = (System.nanoTime() - start) / 1_000_000;
    return new SearchResponse(
        req.q(), total, req.page(), req.size(), took, suggestion, hits, facets);
  }

  private static boolean hasMark(JsonNode highlight) {
    return highlight.toString().contains("<mark>");
  }

  private Map<String, JsonNode> highlightsFor(List<String> ids, Query text) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("size", ids.size());
    body.put("_source", false);
    ArrayNode values = body.putObject("query").putObject("ids").putArray("values");
    ids.forEach(values::add);
    ObjectNode hl = highlight(text);
    hl.set("highlight_query", OpenSearchQueries.toJson(text));
    body.set("highlight", hl);
    Answer a = json("POST", path("/_search"), body);
    if (a.status >= 300) {
      throw failed("highlight", a);
    }
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode h : a.body.path("hits").path("hits")) {
      out.put(h.path("_id").asText(), h.path("highlight"));
    }
    return out;
  }

  private static ObjectNode highlight(Query q) {
    ObjectNode hl = JSON.createObjectNode();
    hl.put("type", "unified").put("encoder", "html");
    hl.putArray("pre_tags").add("<mark>");
    hl.putArray("post_tags").add("</mark>");
    hl.set("highlight_query", OpenSearchQueries.toJson(q));
    ObjectNode fields = hl.putObject("fields");
    for (String f : List.of(TextFields.TITLE, TextFields.TITLE + ".folded")) {
      fields.putObject(f).put("number_of_fragments", 0);
    }
    for (String f : List.of(TextFields.BODY, TextFields.BODY + ".folded")) {
      ObjectNode b =
          fields
              .putObject(f)
              .put("number_of_fragments", 2)
              .put("fragment_size", 250)
              .put("boundary_scanner", "sentence")
              .put("boundary_scanner_locale", "vi-VN");
      if (f.equals(TextFields.BODY)) {
        // no match in the body (a title-only hit): its opening, as the embedded index shows
        b.put("no_match_size", 200);
      }
    }
    return hl;
  }

  /** The exact field's marks, else the folded field's, else the exact field's plain opening. */
  private static String pick(JsonNode hl, String field) {
    String exact = joined(hl.path(field));
    String folded = joined(hl.path(field + ".folded"));
    String best;
    if (exact != null && exact.contains("<mark>")) {
      best = exact;
    } else if (folded != null && folded.contains("<mark>")) {
      best = folded;
    } else {
      best = exact;
    }
    // a phrase comes back word by word: one mark for the words that stand together
    return best == null ? null : best.replaceAll("</mark>(\\s+)<mark>", "$1");
  }

  private static String joined(JsonNode fragments) {
    if (!fragments.isArray() || fragments.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    fragments.forEach(f -> parts.add(f.asText().strip()));
    return String.join("… ", parts);
  }

  private static Map<String, List<FacetValue>> facetValues(JsonNode aggs) {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : Fields.FACETS) {
      List<FacetValue> values = new ArrayList<>();
      for (JsonNode b : aggs.path(dim).path("values").path("buckets")) {
        String value = b.path("key").asText();
        String label = value;
        JsonNode lb = b.path("label").path("buckets");
        if (lb.size() > 0) {
          String entry = lb.get(0).path("key").asText();
          label = entry.substring(entry.indexOf(SEP) + 1);
        }
        values.add(new FacetValue(value, label, b.path("doc_count").asLong()));
      }
      if (dim.equals(Fields.QUARTER)) {
        values.sort(Comparator.comparing(FacetValue::value));
      } else if (dim.equals(Fields.YEAR)) {
        values.sort(Comparator.comparing(FacetValue::value).reversed());
      }
      // as the embedded index: dimensions the corpus never has stay out of the answer
      if (!values.isEmpty()
          || Set.of(Fields.DISTRICT, Fields.QUARTER, Fields.YEAR, Fields.DOCUMENT, Fields.DOCTYPE)
              .contains(dim)) {
        out.put(dim, values);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- districts named in a query

  private List<String> districtsNamed(String q) throws IOException {
    if (q.isBlank() || q.length() > 200) {
      return List.of();
    }
    Map<String, List<String>> byName = districtNames();
    if (byName.isEmpty()) {
      return List.of();
    }
    String padded = " " + foldedWords(q) + " ";
    List<String> found = new ArrayList<>();
    byName.forEach(
        (name, values) -> {
          if (!name.isBlank() && padded.contains(" " + name + " ")) {
            found.addAll(values);
          }
        });
    return found;
  }

  /** Folded bare district name → district values in the index, refreshed at most every minute. */
  private Map<String, List<String>> districtNames() throws IOException {
    DistrictNames d = districts;
    long now = System.nanoTime();
    if (d != null && now - d.builtAt < DISTRICT_CACHE_NANOS) {
      return d.byName;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("size", 0);
    body.putObject("aggs")
        .putObject("d")
        .putObject("terms")
        .put("field", Fields.DISTRICT)
        .put("size", ALL_VALUES);
    Answer a = json("POST", path("/_search"), body);
    if (a.status >= 300) {
      throw failed("district names", a);
    }
    Map<String, List<String>> byName = new HashMap<>();
    for (JsonNode b : a.body.path("aggregations").path("d").path("buckets")) {
      String value = b.path("key").asText();
      String bare = value.substring(value.indexOf('/') + 1);
      byName.computeIfAbsent(foldedWords(bare), k -> new ArrayList<>()).add(value);
    }
    districts = new DistrictNames(now, byName);
    return byName;
  }

  private String foldedWords(String s) {
    String folded = folding.normalize(TextFields.BODY_FOLDED, s).utf8ToString();
    return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  // ---------------------------------------------------------------- suggestion

  /**
   * The accent model's counts, kept by vnpress from the releases it writes (the cluster only stores
   * them): read from the cluster once, in the background, the first time the backend is used.
   */
  private void loadSyllables() {
    if (!syllablesLoading.compareAndSet(false, true)) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                NgramTable kept = syllableStore.read();
                if (kept != null) {
                  syllables.adopt(kept);
                }
                syllablesLoaded = true;
              } catch (IOException | RuntimeException e) {
                // the shipped model serves meanwhile; the next start tries again
                syllablesLoading.set(false);
              }
            },
            "vnpress-syllables-load");
    t.setDaemon(true);
    t.start();
  }

  /**
   * After a write: the new counts to suggestions, and to the cluster once loaded from it. The
   * documents are stored already: failing to keep the counts costs the next start some of them, not
   * this write its answer.
   */
  private void counted() {
    if (!syllablesLoaded) {
      syllables.freeze();
      return;
    }
    try {
      syllables.committed(syllableStore);
    } catch (IOException e) {
      LOG.warn("keeping the accent model's counts in the cluster failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (syllablesLoaded) {
        syllables.close(syllableStore);
      }
    } finally {
      http.close();
    }
  }
}
