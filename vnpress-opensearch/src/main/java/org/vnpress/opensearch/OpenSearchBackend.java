package org.vnpress.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.Fields;
import org.vnpress.index.RecordCodec;
import org.vnpress.index.TextFields;
import org.vnpress.opensearch.OpenSearchHosts.Answer;
import org.vnpress.search.BackendUnavailableException;
import org.vnpress.search.BadRequestException;
import org.vnpress.search.Cursor;
import org.vnpress.search.DistrictNames;
import org.vnpress.search.DocumentView;
import org.vnpress.search.FacetPolicy;
import org.vnpress.search.FacetValue;
import org.vnpress.search.Hit;
import org.vnpress.search.SearchBackend;
import org.vnpress.search.SearchLimits;
import org.vnpress.search.SearchPlan;
import org.vnpress.search.SearchRequest;
import org.vnpress.search.SearchResponse;
import org.vnpress.search.Snippets;
import org.vnpress.search.TextQueries;
import org.vnpress.search.TextQueryBuilder;
import org.vnpress.search.restore.Restoration;

/**
 * Executes a {@link SearchPlan} on an OpenSearch cluster whose nodes run the vnpress analysis
 * plugin: the plan's queries sent as DSL ({@link OpenSearchQueries}), strict then relaxed, the
 * whole phrase as a {@code rescore}, drill-sideways facets as per-facet filter aggregations beside
 * a {@code post_filter}, {@code track_total_hits} up to the plan's threshold, the budget as the
 * search's {@code timeout}; snippets made by the core from the stored text, as the embedded index
 * makes them.
 */
public final class OpenSearchBackend implements SearchBackend {

  /** Index shape: shards and replicas, chosen when the index is created. */
  public record Layout(int shards, int replicas) {
    public static final Layout DEFAULT = new Layout(1, 1);
  }

  private static final long DISTRICT_CACHE_NANOS = 60_000_000_000L;

  private final OpenSearchHosts hosts;
  private final String index;
  private final TextQueryBuilder queries = new TextQueryBuilder();
  private final Snippets snippets = new Snippets();
  private final ClusterSyllables syllables;
  private volatile Facts districts;
  private final OpenSearchWrites writes;
  private volatile SearchLimits limits = SearchLimits.DEFAULT;

  /**
   * What the index holds, read at most every minute and after writes: the district names a query
   * may name, and the label of every facet value ({@code dim␟value} → label).
   */
  private record Facts(long builtAt, DistrictNames names, Map<String, String> labels) {}

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
    this.hosts = new OpenSearchHosts(hosts);
    this.index = index;
    this.syllables = new ClusterSyllables(this.hosts, index);
    this.writes = new OpenSearchWrites(this.hosts, index);
  }

  public String index() {
    return index;
  }

  /** Other limits of counting and time than the product's (tests shrink them). */
  public OpenSearchBackend withLimits(SearchLimits l) {
    this.limits = l;
    return this;
  }

  private String path(String rest) {
    return URLEncoder.encode(index, StandardCharsets.UTF_8) + rest;
  }

  private static String enc(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // ---------------------------------------------------------------- index

  private void createIndexIfMissing(Layout layout) throws IOException {
    if (hosts.call("HEAD", path(""), null, null).status() == 200) {
      return;
    }
    Answer a = hosts.json("PUT", path(""), OpenSearchMapping.indexDefinition(layout));
    if (a.status() >= 300
        && !a.body()
            .path("error")
            .path("type")
            .asText()
            .equals("resource_already_exists_exception")) {
      throw OpenSearchHosts.failed("creating index " + index, a);
    }
  }

  /** Deletes the index: for tests and benchmarks. */
  public void dropIndex() throws IOException {
    hosts.call("DELETE", path(""), null, null);
    syllables.dropped();
  }

  // ---------------------------------------------------------------- writes

  @Override
  public Prepared prepare(PressRelease release) throws IOException {
    return new Counted(writes.prepare(release), release);
  }

  /** A prepared release with the text the accent model counts when it is written. */
  private record Counted(Prepared inner, PressRelease release) implements Prepared {
    @Override
    public String id() {
      return inner.id();
    }
  }

  @Override
  public Batch begin() throws IOException {
    Batch b = writes.begin();
    // facet values may change: the district names are read again
    districts = null;
    return new Batch() {
      @Override
      public void put(Prepared release) throws IOException {
        if (release instanceof Counted c) {
          b.put(c.inner());
          syllables.add(c.release());
        } else {
          b.put(release);
        }
      }

      @Override
      public void delete(String id) throws IOException {
        b.delete(id);
      }

      @Override
      public Counts commit() throws IOException {
        Counts done = b.commit();
        syllables.committed();
        return done;
      }

      @Override
      public void close() throws IOException {
        b.close();
      }
    };
  }

  @Override
  public State writerState() {
    return writes.state();
  }

  @Override
  public boolean delete(String id) throws IOException {
    try (Batch b = begin()) {
      b.delete(id);
      return b.commit().deleted() > 0;
    }
  }

  @Override
  public long count() throws IOException {
    Answer a = hosts.call("GET", path("/_count"), null, null);
    if (a.status() >= 300) {
      throw OpenSearchHosts.failed("count", a);
    }
    return a.body().path("count").asLong();
  }

  @Override
  public Optional<DocumentView> document(String id) throws IOException {
    Answer a = hosts.call("GET", path("/_doc/" + enc(id)), null, null);
    if (a.status() == 404 || !a.body().path("found").asBoolean()) {
      return Optional.empty();
    }
    JsonNode src = a.body().path("_source");
    PressRelease r =
        RecordCodec.decode(src.path(Fields.RECORD).asText(), src.path(TextFields.BODY).asText());
    return Optional.of(DocumentView.of(r));
  }

  // ---------------------------------------------------------------- search

  @Override
  public SearchResponse search(SearchRequest req) throws IOException {
    long start = System.nanoTime();
    Facts facts = facts();
    SearchPlan plan = SearchPlan.of(req, queries, facts.names(), limits);
    JsonNode answer = searchOnce(plan, false);
    long total = answer.path("hits").path("total").path("value").asLong();
    long strictTotal = total;
    boolean relaxed = false;
    if (plan.relaxes(total, queries.tuning())) {
      answer = searchOnce(plan, true);
      total = answer.path("hits").path("total").path("value").asLong();
      relaxed = true;
    }
    JsonNode hitsNode = answer.path("hits");
    boolean atLeast = hitsNode.path("total").path("relation").asText("eq").equals("gte");
    Restoration restored = syllables.restorer().restore(req.q());
    String suggestion = restored.suggestion();
    Snippets.Marking marking =
        snippets.marking(req.q(), suggestion == null ? null : restored.reading());
    List<Hit> hits = new ArrayList<>();
    String last = null;
    for (JsonNode h : hitsNode.path("hits")) {
      JsonNode src = h.path("_source");
      PressRelease r =
          RecordCodec.decode(src.path(Fields.RECORD).asText(), src.path(TextFields.BODY).asText());
      float score = (float) h.path("_score").asDouble(0);
      hits.add(
          Hit.of(
              r,
              snippets.title(r.displayTitle(), marking),
              snippets.body(r.body(), marking),
              score));
      last = h.has("sort") ? h.path("sort").toString() : "[" + score + "," + quote(r.id()) + "]";
    }
    Map<String, List<FacetValue>> facets = facetValues(answer.path("aggregations"), facts);
    long shown = (long) req.offset() + hits.size();
    String next =
        hits.size() == req.size() && shown < total && last != null
            ? new Cursor((int) shown, last).encode()
            : null;
    long took = (System.nanoTime() - start) / 1_000_000;
    return new SearchResponse(
        req.q(),
        total,
        atLeast ? SearchResponse.AT_LEAST : SearchResponse.EXACT,
        req.page(),
        req.size(),
        took,
        relaxed,
        relaxed ? strictTotal : total,
        answer.path("timed_out").asBoolean(false),
        FacetPolicy.undated(total, facets, req),
        suggestion,
        hits,
        facets,
        next);
  }

  private static String quote(String s) {
    return OpenSearchHosts.JSON.getNodeFactory().textNode(s).toString();
  }

  /** One search request for the plan, strict or relaxed. */
  private JsonNode searchOnce(SearchPlan plan, boolean relaxed) throws IOException {
    SearchRequest req = plan.request();
    TextQueries text = plan.text();
    ObjectNode body = OpenSearchHosts.JSON.createObjectNode();
    boolean after =
        req.cursor() != null
            && plan.depth() > SearchRequest.MAX_DEPTH
            && !req.cursor().after().isEmpty();
    body.put("size", req.size());
    if (!after) {
      body.put("from", req.offset());
    }
    body.put("track_total_hits", plan.limits().approximateAbove());
    body.put("timeout", plan.budget().remainingMillis() + "ms");
    body.putArray("_source").add(Fields.RECORD).add(TextFields.BODY);

    // the base query: text, district preference, date range; facet filters go to post_filter
    ObjectNode bool = body.putObject("query").putObject("bool");
    boolean byDate = req.byDate();
    bool.putArray("must")
        .add(OpenSearchQueries.toJson(byDate ? text.match(relaxed) : text.score(relaxed)));
    ArrayNode should = bool.putArray("should");
    if (!byDate) {
      for (String d : plan.districts()) {
        ObjectNode cs = should.addObject().putObject("constant_score");
        cs.putObject("filter").putObject("term").put(Fields.DISTRICT, d);
        cs.put("boost", SearchPlan.DISTRICT_BOOST);
      }
      for (SearchPlan.Preference p : plan.preferences()) {
        ObjectNode cs = should.addObject().putObject("constant_score");
        cs.putObject("filter").putObject("term").put(p.dim(), p.value());
        cs.put("boost", SearchPlan.MEETING_BOOST);
      }
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
    for (String dim : Fields.FILTER_ONLY) {
      List<String> values = req.filters().get(dim);
      if (values != null && !values.isEmpty()) {
        // filter-only values restrict the base query: no facet counts under or beside them
        ArrayNode list =
            bool.withArrayProperty("filter")
                .addObject()
                .putObject("terms")
                .putArray(Fields.filterField(dim));
        values.forEach(list::add);
      }
    }
    req.filters()
        .forEach(
            (dim, values) -> {
              if (!values.isEmpty() && !Fields.FILTER_ONLY.contains(dim)) {
                ObjectNode terms = OpenSearchHosts.JSON.createObjectNode();
                ArrayNode list = terms.putObject("terms").putArray(dim);
                values.forEach(list::add);
                filters.put(dim, terms);
              }
            });
    if (!filters.isEmpty()) {
      ArrayNode all = body.putObject("post_filter").putObject("bool").putArray("filter");
      filters.values().forEach(all::add);
    }
    aggregations(body, filters, req);
    if (byDate) {
      ArrayNode sort = body.putArray("sort");
      sort.addObject().putObject(Fields.DATE).put("order", "desc").put("missing", "_last");
      sort.addObject().put(Fields.ID, "asc");
    } else if (after) {
      // beyond the re-ranked top: the first pass's order, continued from the cursor
      ArrayNode sort = body.putArray("sort");
      sort.addObject().put("_score", "desc");
      sort.addObject().put(Fields.ID, "asc");
    } else if (text.phrase() != null) {
      ObjectNode rescore = body.putObject("rescore");
      rescore.put("window_size", queries.tuning().rescoreWindow());
      ObjectNode rq = rescore.putObject("query");
      rq.set("rescore_query", OpenSearchQueries.toJson(text.phrase()));
      rq.put("query_weight", 1.0).put("rescore_query_weight", queries.tuning().phraseBoost());
      rq.put("score_mode", "total");
    }
    if (after) {
      try {
        body.set("search_after", OpenSearchHosts.JSON.readTree(req.cursor().after()));
      } catch (IOException e) {
        throw new BadRequestException("cursor is not valid for this search");
      }
    }
    Answer a = hosts.json("POST", path("/_search"), body);
    if (a.status() == 400) {
      throw new BadRequestException(
          "the search cluster refused the query: " + OpenSearchHosts.reason(a.body()));
    }
    if (a.status() >= 300) {
      throw OpenSearchHosts.failed("search", a);
    }
    JsonNode shards = a.body().path("_shards");
    if (shards.path("total").asInt() > 0 && shards.path("successful").asInt() == 0) {
      // every copy of every shard failed: an empty page would be a lie
      throw new BackendUnavailableException(
          "no shard of index " + index + " answered at " + hosts.current(), null);
    }
    return a.body();
  }

  /** Drill sideways: each facet counts under every filter but its own. */
  private static void aggregations(
      ObjectNode body, Map<String, ObjectNode> filters, SearchRequest req) {
    ObjectNode aggs = body.putObject("aggs");
    for (String dim : Fields.FACETS) {
      ObjectNode agg = aggs.putObject(dim);
      ArrayNode others = agg.putObject("filter").putObject("bool").putArray("filter");
      filters.forEach(
          (d, f) -> {
            if (!d.equals(dim)) {
              others.add(f);
            }
          });
      int size = FacetPolicy.valuesToAsk(dim, req.facetLimit());
      ObjectNode values = agg.putObject("aggs").putObject("values");
      ObjectNode terms = values.putObject("terms");
      terms.put("field", dim).put("size", size).put("shard_size", Math.max(size * 2, 100));
      ArrayNode order = terms.putArray("order");
      order.addObject().put("_count", "desc");
      order.addObject().put("_key", "asc");
    }
  }

  private static Map<String, List<FacetValue>> facetValues(JsonNode aggs, Facts facts) {
    Map<String, List<FacetValue>> counted = new HashMap<>();
    for (String dim : Fields.FACETS) {
      List<FacetValue> values = new ArrayList<>();
      for (JsonNode b : aggs.path(dim).path("values").path("buckets")) {
        String value = b.path("key").asText();
        String label = facts.labels().getOrDefault(dim + OpenSearchMapping.SEP + value, value);
        values.add(new FacetValue(value, label, b.path("doc_count").asLong()));
      }
      counted.put(dim, values);
    }
    return FacetPolicy.shape(counted);
  }

  /**
   * The district names and facet labels the index holds, from one aggregation over the labelled
   * fields, refreshed at most every minute (and after each write).
   */
  private Facts facts() throws IOException {
    Facts d = districts;
    long now = System.nanoTime();
    if (d != null && now - d.builtAt() < DISTRICT_CACHE_NANOS) {
      return d;
    }
    ObjectNode body = OpenSearchHosts.JSON.createObjectNode();
    body.put("size", 0);
    ObjectNode aggs = body.putObject("aggs");
    for (String dim : Fields.FACETS) {
      aggs.putObject(dim)
          .putObject("terms")
          .put("field", dim + OpenSearchMapping.LABELLED)
          .put("size", FacetPolicy.ALL_VALUES);
    }
    Answer a = hosts.json("POST", path("/_search"), body);
    if (a.status() >= 300) {
      throw OpenSearchHosts.failed("facet labels", a);
    }
    Map<String, String> labels = new HashMap<>();
    List<String> districtValues = new ArrayList<>();
    for (String dim : Fields.FACETS) {
      for (JsonNode b : a.body().path("aggregations").path(dim).path("buckets")) {
        String entry = b.path("key").asText();
        int sep = entry.indexOf(OpenSearchMapping.SEP);
        if (sep < 0) {
          continue;
        }
        String value = entry.substring(0, sep);
        labels.putIfAbsent(dim + OpenSearchMapping.SEP + value, entry.substring(sep + 1));
        if (dim.equals(Fields.DISTRICT)) {
          districtValues.add(value);
        }
      }
    }
    Facts f = new Facts(now, new DistrictNames(districtValues), Map.copyOf(labels));
    districts = f;
    return f;
  }

  /** The accent model's counts, read from the cluster before the first user waits for them. */
  @Override
  public void warmUp() {
    syllables.awaitLoaded(30);
  }

  @Override
  public void close() throws IOException {
    try {
      syllables.close();
    } finally {
      hosts.close();
    }
  }
}
