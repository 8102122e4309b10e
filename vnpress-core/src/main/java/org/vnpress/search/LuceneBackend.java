package org.vnpress.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.Fields;
import org.vnpress.index.PressIndex;
import org.vnpress.index.RecordCodec;
import org.vnpress.index.TextFields;
import org.vnpress.search.restore.AccentRestorer;
import org.vnpress.search.restore.Restoration;

/** Search over the embedded Lucene index: drill-sideways facets, highlights, suggestions. */
public final class LuceneBackend implements SearchBackend {

  /** Newest first; undated releases last. */
  private static final Sort BY_DATE =
      new Sort(
          LongField.newSortField(Fields.DATE, true, SortedNumericSelector.Type.MIN, Long.MIN_VALUE),
          SortField.FIELD_SCORE,
          SortField.FIELD_DOC);

  /** Quarters and years are listed whole: the timeline needs every quarter. */
  private static final int ALL_VALUES = 10_000;

  /**
   * Added to releases about a district the query names. The whole-query phrase weighs 20 per phrase
   * match (TextQueryBuilder), so strong matches score 100–250: the extracted district (precision
   * 0.995 on the dev set) must count as much as a phrase in the title to lift a release about Hoàng
   * Mai above a short listing that merely names it.
   */
  private static final float DISTRICT_BOOST = 100f;

  private static final Set<String> STORED_FOR_HIT = Set.of(Fields.ID, Fields.RECORD);

  private final PressIndex index;
  private final FacetsConfig config;
  private final TextQueryBuilder queries = new TextQueryBuilder();
  private final AccentRestorer restorer;
  private final Analyzer folding = new VietnameseAnalyzer(VietnameseAnalyzer.Key.FOLDED);

  /** Re-analyses the shown hits' stored text: the index keeps positions, not offsets. */
  private final Analyzer highlightAnalyzer = TextFields.indexAnalyzer();

  private final WholePhrase wholePhrase = new WholePhrase();
  private volatile ReaderState state;

  public LuceneBackend(PressIndex index) {
    this.index = index;
    this.config = index.facetsConfig();
    this.restorer = AccentRestorer.of(index);
  }

  /** Facet state and labels of one reader, built once per reader. */
  private record ReaderState(
      IndexReader reader,
      SortedSetDocValuesReaderState facets,
      Map<String, String> labels,
      Map<String, List<String>> districtsByName) {}

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
      return buildState(reader);
    }
  }

  private ReaderState buildState(IndexReader reader) throws IOException {
    ReaderState st;
    SortedSetDocValuesReaderState facets = null;
    Map<String, String> labels = new HashMap<>();
    SortedSetDocValues dv = MultiDocValues.getSortedSetValues(reader, Fields.LABELS);
    if (dv != null) {
      facets = new DefaultSortedSetDocValuesReaderState(reader, config);
      TermsEnum te = dv.termsEnum();
      for (BytesRef b = te.next(); b != null; b = te.next()) {
        String entry = b.utf8ToString();
        int last = entry.lastIndexOf(Fields.LABEL_SEPARATOR);
        labels.put(entry.substring(0, last), entry.substring(last + 1));
      }
    }
    st = new ReaderState(reader, facets, labels, districtsByName(labels));
    state = st;
    return st;
  }

  /** Folded bare district name ({@code hoang mai}) → district facet values in the index. */
  private Map<String, List<String>> districtsByName(Map<String, String> labels) {
    Map<String, List<String>> byName = new HashMap<>();
    String prefix = Fields.DISTRICT + Fields.LABEL_SEPARATOR;
    for (String key : labels.keySet()) {
      if (key.startsWith(prefix)) {
        String value = key.substring(prefix.length());
        String bare = value.substring(value.indexOf('/') + 1);
        byName.computeIfAbsent(foldedWords(bare), k -> new ArrayList<>()).add(value);
      }
    }
    return byName;
  }

  /** The district facet values whose names the query contains as whole words. */
  private List<String> districtsNamed(String q, ReaderState st) {
    if (q.isBlank() || st.districtsByName.isEmpty() || q.length() > 200) {
      return List.of();
    }
    String padded = " " + foldedWords(q) + " ";
    List<String> found = new ArrayList<>();
    st.districtsByName.forEach(
        (name, values) -> {
          if (!name.isBlank() && padded.contains(" " + name + " ")) {
            found.addAll(values);
          }
        });
    return found;
  }

  private String foldedWords(String s) {
    return words(folding.normalize(TextFields.BODY_FOLDED, s).utf8ToString());
  }

  private static String words(String s) {
    return s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  @Override
  public SearchResponse search(SearchRequest req) throws IOException {
    try {
      return searchIndex(req);
    } catch (IndexSearcher.TooManyClauses e) {
      // a query too long or too wild for Lucene's clause limit is the client's to shorten
      throw new BadRequestException(
          "the query has too many words or wildcard expansions; shorten it");
    }
  }

  private SearchResponse searchIndex(SearchRequest req) throws IOException {
    long start = System.nanoTime();
    IndexSearcher s = index.searchers().acquire();
    try {
      ReaderState st = state(s);
      Query text = queries.build(req.q());
      BooleanQuery.Builder base = new BooleanQuery.Builder().add(text, Occur.MUST);
      for (String district : districtsNamed(req.q(), st)) {
        // a query that names a district prefers releases about it over passing mentions
        Term t =
            DrillDownQuery.term(
                config.getDimConfig(Fields.DISTRICT).indexFieldName, Fields.DISTRICT, district);
        base.add(
            new BoostQuery(new ConstantScoreQuery(new TermQuery(t)), DISTRICT_BOOST), Occur.SHOULD);
      }
      if (req.from() != null || req.to() != null) {
        long lo = req.from() == null ? Long.MIN_VALUE : req.from().toEpochDay();
        long hi = req.to() == null ? Long.MAX_VALUE : req.to().toEpochDay();
        base.add(LongField.newRangeQuery(Fields.DATE, lo, hi), Occur.FILTER);
      }
      DrillDownQuery ddq = new DrillDownQuery(config, base.build());
      req.filters()
          .forEach(
              (dim, values) -> {
                for (String v : values) {
                  ddq.add(dim, v);
                }
              });
      int topN = req.page() * req.size();
      boolean byDate = req.sort() == SearchRequest.Sort.DATE || req.q().isBlank();
      TopDocs top;
      Facets facets = null;
      long counted = -1;
      if (st.facets == null) {
        // an empty index has no facet field yet
        top = byDate ? s.search(ddq, topN, BY_DATE, true) : s.search(ddq, topN);
      } else {
        DrillSideways ds = new DrillSideways(s, config, st.facets);
        DrillSideways.DrillSidewaysResult r =
            byDate ? ds.search(ddq, null, null, topN, BY_DATE, true) : ds.search(ddq, topN);
        top = r.hits;
        facets = r.facets;
        if (r.drillDownFacetsCollector != null) {
          // facet counting already visited every match: no second pass to count them
          counted = 0;
          for (FacetsCollector.MatchingDocs md : r.drillDownFacetsCollector.getMatchingDocs()) {
            counted += md.totalHits();
          }
        }
      }
      long total = top.totalHits.value();
      if (top.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO) {
        total = counted >= 0 ? counted : s.count(ddq);
      }
      List<Hit> hits = hits(s, text, top, req);
      Map<String, List<FacetValue>> facetValues = facetValues(facets, st, req);
      Restoration restored = restorer.restore(req.q());
      String suggestion = restored.suggestion();
      long took = (System.nanoTime() - start) / 1_000_000;
      return new SearchResponse(
          req.q(), total, req.page(), req.size(), took, suggestion, hits, facetValues);
    } finally {
      index.searchers().release(s);
    }
  }

  private List<Hit> hits(IndexSearcher s, Query text, TopDocs top, SearchRequest req)
      throws IOException {
    int from = (req.page() - 1) * req.size();
    ScoreDoc[] all = top.scoreDocs;
    if (from >= all.length) {
      return List.of();
    }
    ScoreDoc[] page = java.util.Arrays.copyOfRange(all, from, all.length);
    TopDocs pageDocs = new TopDocs(top.totalHits, page);
    // an accented query says which spelling it wants: mark that spelling, and fall back to
    // folded matches only in releases that matched through folding alone
    boolean accented = !foldedWords(req.q()).equals(words(req.q().toLowerCase(Locale.ROOT)));
    Query phrase = wholePhrase.of(req.q());
    text = TextQueryBuilder.matchingPart(text);
    String[] snippets = marked(s, TextFields.BODY, text, phrase, pageDocs, !accented);
    String[] titles = marked(s, TextFields.TITLE, text, phrase, pageDocs, !accented);
    if (accented) {
      String[] snippetsFolded = null;
      String[] titlesFolded = null;
      for (int i = 0; i < page.length; i++) {
        if (!hasMark(snippets[i]) && !hasMark(titles[i])) {
          if (snippetsFolded == null) {
            snippetsFolded = marked(s, TextFields.BODY, text, phrase, pageDocs, true);
            titlesFolded = marked(s, TextFields.TITLE, text, phrase, pageDocs, true);
          }
          snippets[i] = snippetsFolded[i];
          titles[i] = titlesFolded[i];
        }
      }
    }
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document d = s.storedFields().document(page[i].doc, STORED_FOR_HIT);
      PressRelease r = RecordCodec.decode(d.get(Fields.RECORD), "");
      hits.add(Hit.of(r, titles[i], snippets[i], Float.isNaN(page[i].score) ? 0f : page[i].score));
    }
    return hits;
  }

  private static boolean hasMark(String html) {
    return html != null && html.contains("<mark>");
  }

  /**
   * Highlights a field of the page's hits: where the query's words occur together they are marked
   * together ("Quận ủy"), not each "quận" alone; elsewhere each matching word is.
   */
  private String[] marked(
      IndexSearcher s, String field, Query text, Query phrase, TopDocs docs, boolean folded)
      throws IOException {
    boolean title = field.equals(TextFields.TITLE);
    UnifiedHighlighter h = highlighter(s, title, folded);
    int passages = title ? 1 : 2;
    String[] out = h.highlight(field, text, docs, passages);
    if (phrase != null) {
      String[] together = h.highlight(field, phrase, docs, passages);
      for (int i = 0; i < out.length; i++) {
        if (hasMark(together[i])) {
          out[i] = together[i];
        }
      }
    }
    return out;
  }

  private UnifiedHighlighter highlighter(IndexSearcher s, boolean wholeField, boolean folded) {
    Map<String, String> maskedBy = TextFields.maskedBy();
    return UnifiedHighlighter.builder(s, highlightAnalyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
        .withMaskedFieldsFunc(
            field ->
                !folded
                    ? Set.of()
                    : maskedBy.entrySet().stream()
                        .filter(e -> e.getValue().equals(field))
                        .map(Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toSet()))
        .withHighlightPhrasesStrictly(true)
        .withMaxNoHighlightPassages(1)
        .withBreakIterator(
            wholeField
                ? org.apache.lucene.search.uhighlight.WholeBreakIterator::new
                : () -> BreakIterator.getSentenceInstance(Locale.ROOT))
        .build();
  }

  private Map<String, List<FacetValue>> facetValues(
      Facets facets, ReaderState st, SearchRequest req) throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : Fields.FACETS) {
      List<FacetValue> values = new ArrayList<>();
      if (facets != null) {
        boolean all = dim.equals(Fields.QUARTER) || dim.equals(Fields.YEAR);
        FacetResult fr;
        try {
          fr = facets.getTopChildren(all ? ALL_VALUES : req.facetLimit(), dim);
        } catch (IllegalArgumentException notIndexed) {
          fr = null;
        }
        if (fr != null) {
          for (LabelAndValue lv : fr.labelValues) {
            String label =
                st.labels.getOrDefault(dim + Fields.LABEL_SEPARATOR + lv.label, lv.label);
            values.add(new FacetValue(lv.label, label, lv.value.longValue()));
          }
        }
        if (dim.equals(Fields.QUARTER)) {
          values.sort(Comparator.comparing(FacetValue::value));
        } else if (dim.equals(Fields.YEAR)) {
          values.sort(Comparator.comparing(FacetValue::value).reversed());
        }
      }
      // dimensions the corpus never has (e.g. no periods) stay out of the answer
      if (!values.isEmpty()
          || dim.equals(Fields.DISTRICT)
          || dim.equals(Fields.QUARTER)
          || dim.equals(Fields.YEAR)
          || dim.equals(Fields.DOCUMENT)
          || dim.equals(Fields.DOCTYPE)) {
        out.put(dim, values);
      }
    }
    return out;
  }

  /**
   * The facet state and labels of the current reader, and one search over everything. (A text query
   * here too was measured: on two cores it only competed with the first user's search.)
   */
  @Override
  public void warmUp() throws IOException {
    IndexSearcher s = index.searchers().acquire();
    try {
      state(s);
    } finally {
      index.searchers().release(s);
    }
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
  public IngestResult ingest(List<PressRelease> releases, List<IngestResult.Rejection> rejected)
      throws IOException {
    int replaced = index.addAll(releases);
    // durable before the answer goes out
    index.commit();
    return new IngestResult(releases.size() - replaced, replaced, rejected);
  }

  @Override
  public boolean delete(String id) throws IOException {
    boolean existed = index.delete(id);
    index.commit();
    return existed;
  }

  @Override
  public long count() throws IOException {
    return index.count();
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
