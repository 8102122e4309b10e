package org.vnpress.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.Fields;
import org.vnpress.index.PressIndex;
import org.vnpress.index.RecordCodec;
import org.vnpress.index.TextFields;
import org.vnpress.search.restore.AccentRestorer;
import org.vnpress.search.restore.Restoration;

/**
 * Executes a {@link SearchPlan} on the embedded Lucene index: an unscored counting pass for the
 * total and the drill-sideways facets (on a sample when the matches are many), a scored pass for
 * the top hits that can skip, the whole phrase re-ranking the best of them, snippets from the
 * stored text.
 */
public final class LuceneBackend implements SearchBackend {

  private static final Set<String> STORED_FOR_HIT =
      Set.of(Fields.ID, Fields.RECORD, TextFields.BODY);

  /** Filter-only counts kept per reader (the landing page and its facet clicks). */
  private static final int CACHED_COUNTS = 256;

  private final PressIndex index;
  private final FacetsConfig config;
  private final TextQueryBuilder queries;
  private final AccentRestorer restorer;
  private final Snippets snippets = new Snippets();
  private volatile ReaderState state;

  private final SearchLimits limits;

  /** Completion while typing (GET /api/suggest), rebuilt in the background as the index changes. */
  private final Completions completions;

  public LuceneBackend(PressIndex index) {
    this(index, new TextQueryBuilder(), SearchLimits.DEFAULT);
  }

  /** A backend with another ranking tuning or other limits (benchmarks and tests). */
  public LuceneBackend(PressIndex index, TextQueryBuilder queries, SearchLimits limits) {
    this.index = index;
    this.config = index.facetsConfig();
    this.queries = queries;
    this.limits = limits;
    this.restorer = AccentRestorer.of(index);
    this.completions = new Completions(index);
  }

  /** Facet state, labels, district names and cached counts of one reader, built once per reader. */
  private static final class ReaderState {
    final IndexReader reader;
    final SortedSetDocValuesReaderState facets;
    final Map<String, String> labels;
    final DistrictNames districts;
    final Map<String, Counted> counts =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Counted> e) {
                return size() > CACHED_COUNTS;
              }
            });

    ReaderState(
        IndexReader reader,
        SortedSetDocValuesReaderState facets,
        Map<String, String> labels,
        DistrictNames districts) {
      this.reader = reader;
      this.facets = facets;
      this.labels = labels;
      this.districts = districts;
    }
  }

  /**
   * What the counting pass found; with the first pass's hits when it scored them too ({@code
   * first}, else null).
   */
  private record Counted(
      long total,
      boolean approximate,
      Map<String, List<FacetValue>> facets,
      boolean partial,
      TopDocs first) {}

  private ReaderState state(IndexSearcher s) throws IOException {
    ReaderState st = state;
    IndexReader reader = s.getIndexReader();
    if (st != null && st.reader == reader) {
      return st;
    }
    synchronized (this) {
      // searches that arrive while it is built wait for this one build rather than each repeat it
      st = state;
      if (st != null && st.reader == reader) {
        return st;
      }
      st = buildState(reader);
      state = st;
      return st;
    }
  }

  private ReaderState buildState(IndexReader reader) throws IOException {
    SortedSetDocValuesReaderState facets = null;
    Map<String, String> labels = new HashMap<>();
    List<String> districts = new ArrayList<>();
    SortedSetDocValues dv = MultiDocValues.getSortedSetValues(reader, Fields.LABELS);
    if (dv != null) {
      facets = new DefaultSortedSetDocValuesReaderState(reader, config);
      TermsEnum te = dv.termsEnum();
      String prefix = Fields.DISTRICT + Fields.LABEL_SEPARATOR;
      for (BytesRef b = te.next(); b != null; b = te.next()) {
        String entry = b.utf8ToString();
        int last = entry.lastIndexOf(Fields.LABEL_SEPARATOR);
        String key = entry.substring(0, last);
        labels.put(key, entry.substring(last + 1));
        if (key.startsWith(prefix)) {
          districts.add(key.substring(prefix.length()));
        }
      }
    }
    return new ReaderState(reader, facets, labels, new DistrictNames(districts));
  }

  @Override
  public SearchResponse search(SearchRequest req) throws IOException {
    try {
      return execute(req);
    } catch (IndexSearcher.TooManyClauses e) {
      // a query too wild for Lucene's clause limit is the client's to shorten
      throw new BadRequestException(
          "the query has too many words or wildcard expansions; shorten it");
    }
  }

  private SearchResponse execute(SearchRequest req) throws IOException {
    long start = System.nanoTime();
    IndexSearcher s = index.searchers().acquire();
    try {
      ReaderState st = state(s);
      SearchPlan plan = SearchPlan.of(req, queries, st.districts, limits);
      Counted counted = count(s, st, plan, false);
      long strictTotal = counted.total;
      boolean relaxed = false;
      if (!counted.approximate && plan.relaxes(counted.total, queries.tuning())) {
        counted = count(s, st, plan, true);
        relaxed = true;
      }
      // the hits get what is left of the budget, and at least a third of it
      Budget hitsBudget = plan.budget().next(plan.budgetMillis() / 3);
      TopDocs top =
          counted.first != null
              ? Ranking.rerank(
                  s, counted.first, plan.text().phrase(), plan.depth(), queries.tuning())
              : top(s, plan, relaxed, hitsBudget);
      int offset = req.offset();
      ScoreDoc[] all = top.scoreDocs;
      ScoreDoc[] page =
          isAfter(req, plan)
              ? all
              : Arrays.copyOfRange(
                  all, Math.min(offset, all.length), Math.min(all.length, plan.depth()));
      Restoration restored = restorer.restore(req.q());
      String suggestion = restored.suggestion();
      // an unaccented query marks its restored reading, not every spelling of its syllables
      Snippets.Marking marking =
          snippets.marking(req.q(), suggestion == null ? null : restored.reading());
      List<Hit> hits = new ArrayList<>(page.length);
      for (ScoreDoc sd : page) {
        Document d = s.storedFields().document(sd.doc, STORED_FOR_HIT);
        PressRelease r = RecordCodec.decode(d.get(Fields.RECORD), d.get(TextFields.BODY));
        hits.add(
            Hit.of(
                r,
                snippets.title(r.displayTitle(), marking),
                snippets.body(r.body(), marking),
                Float.isNaN(sd.score) ? 0f : sd.score));
      }
      long shown = (long) offset + hits.size();
      String next = null;
      if (page.length == req.size() && shown < counted.total && shown < Integer.MAX_VALUE) {
        next = new Cursor((int) shown, after(page[page.length - 1])).encode();
      }
      boolean partial = counted.partial || hitsBudget.wasExceeded();
      long took = (System.nanoTime() - start) / 1_000_000;
      return new SearchResponse(
          req.q(),
          counted.total,
          counted.approximate ? SearchResponse.AT_LEAST : SearchResponse.EXACT,
          req.page(),
          req.size(),
          took,
          relaxed,
          relaxed ? strictTotal : counted.total,
          partial,
          FacetPolicy.undated(counted.total, counted.facets, req),
          suggestion,
          hits,
          counted.facets,
          next);
    } finally {
      index.searchers().release(s);
    }
  }

  // ---------------------------------------------------------------- counting

  /**
   * The total and the facets of a search's matches: from the per-reader cache for a search without
   * text (the landing page, facet clicks), else by a drill-sideways pass, on a sample first when
   * the index is large enough for the matches to be many. A pass that counts every match of a text
   * ranked by score, with no facet filter, also collects the first hits: one pass over the matches
   * rather than two, where the hits' pass could not skip much anyway (100k: phrases 11.1 → 8.7 ms
   * at p50). With a facet filter the two passes stay: drill-sideways then walks every match of the
   * scoring query, whose words each read four fields where the match query reads two, while the
   * hits' own pass is led by the filter (100k: words with a filter 9.7 → 11.8 ms in one pass).
   */
  private Counted count(IndexSearcher s, ReaderState st, SearchPlan plan, boolean relaxed)
      throws IOException {
    SearchRequest req = plan.request();
    boolean cacheable = plan.text().matchesAll();
    String key = null;
    if (cacheable) {
      key = req.filters() + "|" + req.from() + "|" + req.to() + "|" + req.facetLimit();
      Counted hit = st.counts.get(key);
      if (hit != null) {
        return hit;
      }
    }
    Query match = dated(plan.text().match(relaxed), req);
    Counted c = null;
    SearchLimits lim = plan.limits();
    if (!cacheable && s.getIndexReader().maxDoc() > lim.approximateAbove()) {
      BooleanQuery sampled =
          new BooleanQuery.Builder()
              .add(match, Occur.FILTER)
              .add(new SampleQuery(lim.sampleStride()), Occur.FILTER)
              .build();
      Counted sample = drillSideways(s, st, new BudgetQuery(sampled, plan.budget()), req, 0);
      long bound = lim.lowerBound(sample.total);
      if (bound > lim.approximateAbove()) {
        c =
            new Counted(
                bound, true, scaled(sample.facets, lim.sampleStride()), sample.partial, null);
      }
    }
    if (c == null
        && !cacheable
        && !req.byDate()
        && !isAfter(req, plan)
        && drillDowns(req).isEmpty()) {
      int hits = Ranking.collect(plan.depth(), plan.text().phrase(), queries.tuning());
      Query scored = dated(scored(plan, relaxed), req);
      c = drillSideways(s, st, new BudgetQuery(scored, plan.budget()), req, hits);
    }
    if (c == null) {
      Budget budget = cacheable ? Budget.unlimited() : plan.budget();
      c = drillSideways(s, st, new BudgetQuery(match, budget), req, 0);
    }
    if (cacheable && !c.partial) {
      st.counts.put(key, c);
    }
    return c;
  }

  /**
   * One drill-sideways pass: the matches' total and every facet, each under the other filters; and
   * the first {@code hits} by score when that is more than none.
   */
  private Counted drillSideways(
      IndexSearcher s, ReaderState st, Query base, SearchRequest req, int hits) throws IOException {
    DrillDownQuery ddq = drillDown(base, req);
    TopScoreDocCollectorManager scored =
        hits > 0 ? new TopScoreDocCollectorManager(hits, null, Integer.MAX_VALUE) : null;
    long total;
    TopDocs first = null;
    Map<String, List<FacetValue>> counted = new HashMap<>();
    if (st.facets == null) {
      // an empty index has no facet field yet
      if (scored != null) {
        first = s.search(ddq, scored);
        total = first.totalHits.value();
      } else {
        total = s.count(ddq);
      }
    } else {
      DrillSideways ds = new DrillSideways(s, config, st.facets);
      Facets facets;
      if (scored != null) {
        DrillSideways.ConcurrentDrillSidewaysResult<TopDocs> r = ds.search(ddq, scored);
        first = r.collectorResult;
        total = first.totalHits.value();
        facets = r.facets;
      } else {
        DrillSideways.ConcurrentDrillSidewaysResult<Integer> r =
            ds.search(ddq, new TotalHitCountCollectorManager(s.getSlices()));
        total = r.collectorResult;
        facets = r.facets;
      }
      for (String dim : Fields.FACETS) {
        counted.put(dim, facetValues(facets, st, dim, req.facetLimit()));
      }
    }
    boolean partial = base instanceof BudgetQuery bq && bq.budget().wasExceeded();
    return new Counted(total, false, FacetPolicy.shape(counted), partial, first);
  }

  private static List<FacetValue> facetValues(Facets facets, ReaderState st, String dim, int limit)
      throws IOException {
    FacetResult fr;
    try {
      fr = facets.getTopChildren(FacetPolicy.valuesToAsk(dim, limit), dim);
    } catch (IllegalArgumentException notIndexed) {
      return List.of();
    }
    if (fr == null) {
      return List.of();
    }
    List<FacetValue> values = new ArrayList<>(fr.labelValues.length);
    for (LabelAndValue lv : fr.labelValues) {
      String label = st.labels.getOrDefault(dim + Fields.LABEL_SEPARATOR + lv.label, lv.label);
      values.add(new FacetValue(lv.label, label, lv.value.longValue()));
    }
    return values;
  }

  /** Sampled facet counts scaled to estimates of the whole. */
  private static Map<String, List<FacetValue>> scaled(
      Map<String, List<FacetValue>> sampled, int stride) {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    sampled.forEach(
        (dim, values) ->
            out.put(
                dim,
                values.stream()
                    .map(v -> new FacetValue(v.value(), v.label(), v.count() * stride))
                    .toList()));
    return out;
  }

  /** The facet filters that are drill-downs: all but those of the filter-only dimensions. */
  private static Map<String, List<String>> drillDowns(SearchRequest req) {
    Map<String, List<String>> out = new LinkedHashMap<>(req.filters());
    out.keySet().removeAll(Fields.FILTER_ONLY);
    out.values().removeIf(List::isEmpty);
    return out;
  }

  /** The base query with the date range, and the facet filters as drill-downs. */
  private DrillDownQuery drillDown(Query base, SearchRequest req) {
    DrillDownQuery ddq = new DrillDownQuery(config, filterOnly(base, req));
    drillDowns(req).forEach((dim, values) -> values.forEach(v -> ddq.add(dim, v)));
    return ddq;
  }

  /** The base query within the filter-only dimensions asked for (plain terms, never counted). */
  private static Query filterOnly(Query base, SearchRequest req) {
    BooleanQuery.Builder b = null;
    for (String dim : Fields.FILTER_ONLY) {
      List<String> values = req.filters().get(dim);
      if (values == null || values.isEmpty()) {
        continue;
      }
      if (b == null) {
        b = new BooleanQuery.Builder().add(base, Occur.MUST);
      }
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      values.forEach(
          v -> any.add(new TermQuery(new Term(Fields.filterField(dim), v)), Occur.SHOULD));
      b.add(any.build(), Occur.FILTER);
    }
    return b == null ? base : b.build();
  }

  private static Query dated(Query q, SearchRequest req) {
    if (req.from() == null && req.to() == null) {
      return q;
    }
    long lo = req.from() == null ? Long.MIN_VALUE : req.from().toEpochDay();
    long hi = req.to() == null ? Long.MAX_VALUE : req.to().toEpochDay();
    return new BooleanQuery.Builder()
        .add(q, Occur.MUST)
        .add(LongField.newRangeQuery(Fields.DATE, lo, hi), Occur.FILTER)
        .build();
  }

  // ---------------------------------------------------------------- top hits

  /**
   * The hits up to the page's end: by date in the index's own order (it stops after the first
   * documents), or by score with the whole phrase re-ranking the best {@code rescoreWindow}; from a
   * cursor's position when the page lies beyond what is counted from the top.
   */
  private TopDocs top(IndexSearcher s, SearchPlan plan, boolean relaxed, Budget budget)
      throws IOException {
    SearchRequest req = plan.request();
    int depth = plan.depth();
    boolean after = isAfter(req, plan);
    int n = after ? req.size() : depth;
    if (req.byDate()) {
      Query q = new BudgetQuery(drillDown(dated(plan.text().match(relaxed), req), req), budget);
      FieldDoc from = after ? dateAfter(req.cursor().after()) : null;
      return s.search(q, new TopFieldCollectorManager(Fields.BY_DATE, n, from, n));
    }
    Query q = new BudgetQuery(drillDown(dated(scored(plan, relaxed), req), req), budget);
    if (after) {
      ScoreDoc from = scoreAfter(req.cursor().after());
      return s.search(q, new TopScoreDocCollectorManager(n, from, n));
    }
    return Ranking.rank(s, q, plan.text().phrase(), n, queries.tuning());
  }

  /**
   * The text's scoring query with the preferences of the plan: the districts and the meeting the
   * query names.
   */
  private Query scored(SearchPlan plan, boolean relaxed) {
    BooleanQuery.Builder scored =
        new BooleanQuery.Builder().add(plan.text().score(relaxed), Occur.MUST);
    for (String district : plan.districts()) {
      // a query that names a district prefers releases about it over passing mentions
      Term t =
          DrillDownQuery.term(
              config.getDimConfig(Fields.DISTRICT).indexFieldName, Fields.DISTRICT, district);
      scored.add(
          new BoostQuery(new ConstantScoreQuery(new TermQuery(t)), SearchPlan.DISTRICT_BOOST),
          Occur.SHOULD);
    }
    for (SearchPlan.Preference p : plan.preferences()) {
      // the meeting the query names (session, term) before releases that only mention its words
      Term t = DrillDownQuery.term(config.getDimConfig(p.dim()).indexFieldName, p.dim(), p.value());
      scored.add(
          new BoostQuery(new ConstantScoreQuery(new TermQuery(t)), SearchPlan.MEETING_BOOST),
          Occur.SHOULD);
    }
    return scored.build();
  }

  /** True when a page is read from a cursor's position rather than counted from the top. */
  private static boolean isAfter(SearchRequest req, SearchPlan plan) {
    return req.cursor() != null
        && plan.depth() > SearchRequest.MAX_DEPTH
        && !req.cursor().after().isEmpty();
  }

  /**
   * The position after a hit, for the next page's cursor: only needed (and only meaningful) for
   * pages beyond {@link SearchRequest#MAX_DEPTH}, which follow the first pass's order.
   */
  private static String after(ScoreDoc last) {
    if (last instanceof FieldDoc fd && fd.fields != null && fd.fields.length > 0) {
      return "d:" + fd.fields[0] + ":" + fd.doc;
    }
    return "s:" + last.score + ":" + last.doc;
  }

  private static FieldDoc dateAfter(String after) {
    String[] p = after.split(":");
    if (p.length != 3 || !p[0].equals("d")) {
      throw new BadRequestException("cursor is not valid for this search");
    }
    try {
      return new FieldDoc(Integer.parseInt(p[2]), Float.NaN, new Object[] {Long.parseLong(p[1])});
    } catch (NumberFormatException e) {
      throw new BadRequestException("cursor is not valid for this search");
    }
  }

  private static ScoreDoc scoreAfter(String after) {
    String[] p = after.split(":");
    if (p.length != 3 || !p[0].equals("s")) {
      throw new BadRequestException("cursor is not valid for this search");
    }
    try {
      return new ScoreDoc(Integer.parseInt(p[2]), Float.parseFloat(p[1]));
    } catch (NumberFormatException e) {
      throw new BadRequestException("cursor is not valid for this search");
    }
  }

  // ---------------------------------------------------------------- the rest

  /**
   * The facet state and labels of the current reader, and the counts of the empty search (the
   * landing page), so that neither is built while a user waits.
   */
  @Override
  public void warmUp() throws IOException {
    IndexSearcher s = index.searchers().acquire();
    try {
      state(s);
    } finally {
      index.searchers().release(s);
    }
    completions.warmUp();
    search(SearchRequest.of(""));
  }

  @Override
  public Optional<DocumentView> document(String id) throws IOException {
    IndexSearcher s = index.searchers().acquire();
    try {
      TopDocs td = s.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (td.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Document d = s.storedFields().document(td.scoreDocs[0].doc);
      PressRelease r = RecordCodec.decode(d.get(Fields.RECORD), d.get(TextFields.BODY));
      return Optional.of(DocumentView.of(r));
    } finally {
      index.searchers().release(s);
    }
  }

  @Override
  public Prepared prepare(PressRelease release) throws IOException {
    return index.prepare(release);
  }

  @Override
  public Batch begin() throws IOException {
    return index.begin();
  }

  @Override
  public boolean delete(String id) throws IOException {
    return index.delete(id);
  }

  @Override
  public State writerState() {
    return index.writerState();
  }

  @Override
  public long sizeInBytes() throws IOException {
    return index.sizeInBytes();
  }

  @Override
  public long count() throws IOException {
    return index.count();
  }

  @Override
  public List<Completion> complete(String prefix, int limit) throws IOException {
    return completions.complete(prefix, limit);
  }

  @Override
  public void close() throws IOException {
    completions.close();
    index.close();
  }
}
