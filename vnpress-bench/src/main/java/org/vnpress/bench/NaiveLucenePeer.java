package org.vnpress.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The naive Lucene page of issue 14: what a competent Lucene user writes first for the same page.
 * StandardTokenizer, lower case and ASCII folding that keeps the original; title and body stored
 * with offsets in the postings; the five facet dimensions of vnpress's own extraction as SortedSet
 * doc values; every word (or quoted phrase) required in the title or the body; the top 10 with
 * exact counts, every facet (drill-sideways under a filter) and UnifiedHighlighter snippets from
 * the offsets. One shared searcher over the segments, with the same executor arrangement as
 * vnpress's.
 */
final class NaiveLucenePeer implements SearchEngine {

  private static final String ID = "id";
  private static final String TITLE = "title";
  private static final String BODY = "body";

  /** The dimensions {@link StoredReleases#facets} gives; quarter and year hold one value each. */
  private static final List<String> DIMS =
      List.of("district", "quarter", "year", "document", "doctype");

  /** Listed in full, as the page lists them; the others show their top 10. */
  private static final Set<String> ALL_VALUES = Set.of("quarter", "year");

  private static final int TOP_VALUES = 10;
  private static final int HITS = 10;
  private static final float TITLE_BOOST = 2f;

  /** A word or a quoted phrase of the user's query (an unclosed quote runs to the end). */
  private static final Pattern PART = Pattern.compile("\"([^\"]*)\"?|(\\S+)");

  /** Title and body: analysed, stored for the snippets, offsets in the postings for them too. */
  private static final FieldType TEXT = new FieldType(TextField.TYPE_STORED);

  static {
    TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TEXT.freeze();
  }

  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final ExecutorService slices;
  private final IndexSearcher searcher;
  private final SortedSetDocValuesReaderState state;
  private final FacetsConfig config = facetsConfig();
  private final Analyzer analyzer = analyzer();
  private final QueryBuilder queries = new QueryBuilder(analyzer);
  private final double buildSeconds;

  private NaiveLucenePeer(Path dir, double buildSeconds) throws IOException {
    this.directory = FSDirectory.open(dir);
    this.reader = DirectoryReader.open(directory);
    // as vnpress's PressIndex: a big query is split by segment slices over the cores
    this.slices =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            r -> {
              Thread t = new Thread(r, "naive-lucene-search");
              t.setDaemon(true);
              return t;
            });
    this.searcher = new IndexSearcher(reader, slices);
    // built once per reader, as every SortedSet facet user must
    this.state = new DefaultSortedSetDocValuesReaderState(reader, config);
    this.buildSeconds = buildSeconds;
  }

  /**
   * Opens the index built earlier in {@code dir}, or builds it first from the releases the vnpress
   * index stores (the same extracted text and facet values vnpress indexed).
   */
  static NaiveLucenePeer open(Path dir, Path vnpressIndex, PrintStream log) throws Exception {
    Path done = dir.resolveSibling(dir.getFileName() + ".complete");
    if (!Files.exists(done)) {
      CorpusReader.delete(dir);
      long t0 = System.nanoTime();
      int n = build(dir, vnpressIndex);
      double seconds = (System.nanoTime() - t0) / 1e9;
      log.printf(
          Locale.ROOT,
          "  lucene: indexed %,d documents in %.1f s (%,.1f MB)%n",
          n,
          seconds,
          CorpusReader.folderBytes(dir) / 1048576.0);
      QueryBench.writeBuilt(done, seconds);
    }
    Double seconds = QueryBench.builtSeconds(done);
    return new NaiveLucenePeer(dir, seconds == null ? Double.NaN : seconds);
  }

  /** StandardTokenizer + lower case + ASCII folding keeping the original at the same position. */
  static Analyzer analyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new LowerCaseFilter(source);
        s = new ASCIIFoldingFilter(s, true);
        return new TokenStreamComponents(source, s);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }

  private static FacetsConfig facetsConfig() {
    FacetsConfig c = new FacetsConfig();
    for (String dim : DIMS) {
      c.setMultiValued(dim, !ALL_VALUES.contains(dim));
    }
    return c;
  }

  /**
   * Two threads, as vnpress's ingest has them: this one reads the stored releases back and builds
   * the documents, a second one analyses and writes them.
   */
  private static int build(Path dir, Path vnpressIndex) throws Exception {
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer());
    // as vnpress's writer; the codec stays Lucene's default (stored fields for speed)
    cfg.setRAMBufferSizeMB(64);
    FacetsConfig config = facetsConfig();
    Document end = new Document();
    BlockingQueue<Document> queue = new ArrayBlockingQueue<>(256);
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, cfg)) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (Document doc = queue.take(); doc != end; doc = queue.take()) {
                    w.addDocument(doc);
                  }
                } catch (Throwable e) {
                  // the reader sees it when the queue stays full
                  failure.set(e);
                }
              },
              "naive-lucene-writer");
      writer.start();
      int n;
      try {
        n =
            StoredReleases.forEach(
                vnpressIndex,
                (row, r, facets) -> {
                  Document doc = new Document();
                  doc.add(new StringField(ID, r.id(), Field.Store.YES));
                  doc.add(new Field(TITLE, StoredReleases.title(r), TEXT));
                  doc.add(new Field(BODY, r.body(), TEXT));
                  for (StoredReleases.FacetRow f : facets) {
                    doc.add(new SortedSetDocValuesFacetField(f.dim(), f.value()));
                  }
                  Document built = config.build(doc);
                  while (!queue.offer(built, 1, TimeUnit.SECONDS)) {
                    if (failure.get() != null) {
                      throw new IOException("indexing the naive page failed", failure.get());
                    }
                  }
                });
      } finally {
        // after a failed read too: the writer finishes what is queued, then stops
        boolean ended = false;
        while (!ended && writer.isAlive()) {
          ended = queue.offer(end, 1, TimeUnit.SECONDS);
        }
        writer.join();
      }
      if (failure.get() != null) {
        throw new IOException("indexing the naive page failed", failure.get());
      }
      w.commit();
      return n;
    }
  }

  /** Seconds the index took to build, NaN when not recorded. */
  double buildSeconds() {
    return buildSeconds;
  }

  @Override
  public String name() {
    return "lucene";
  }

  /**
   * Every word or quoted phrase required, in the title (boosted) or the body: a word becomes a term
   * (or the original and folded terms as synonyms), a phrase or a word that the tokenizer splits
   * ({@code 15-NQ/TW}) a phrase query.
   */
  Query text(String q) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int parts = 0;
    Matcher m = PART.matcher(q);
    while (m.find()) {
      String part = m.group(1) != null ? m.group(1) : m.group(2);
      Query body = queries.createPhraseQuery(BODY, part);
      if (body == null) {
        // punctuation only
        continue;
      }
      Query title = queries.createPhraseQuery(TITLE, part);
      all.add(
          new BooleanQuery.Builder()
              .add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD)
              .add(body, Occur.SHOULD)
              .build(),
          Occur.MUST);
      parts++;
    }
    return parts == 0 ? new MatchAllDocsQuery() : all.build();
  }

  /** What the page shows: the total, the ten hits with marked title and snippet, the facets. */
  record Page(
      long total,
      List<String> ids,
      List<String> titles,
      List<String> snippets,
      Map<String, List<String>> facets) {}

  @Override
  public Client client() {
    return q -> page(q).total();
  }

  /** The full page for one query of the mix. */
  Page page(QueryMix.Query q) throws IOException {
    Query text = text(q.q());
    DrillDownQuery ddq = new DrillDownQuery(config, text);
    if (q.district() != null) {
      ddq.add("district", q.district());
    } else if (q.quarter() != null) {
      ddq.add("quarter", q.quarter());
    }
    // exact totals: no early termination of the count
    TopScoreDocCollectorManager top =
        new TopScoreDocCollectorManager(HITS, null, Integer.MAX_VALUE);
    TopDocs hits;
    Facets facets;
    if (q.district() == null && q.quarter() == null) {
      Object[] r =
          searcher.search(ddq, new MultiCollectorManager(top, new FacetsCollectorManager()));
      hits = (TopDocs) r[0];
      facets = new SortedSetDocValuesFacetCounts(state, (FacetsCollector) r[1]);
    } else {
      // the selected dimension keeps its other values' counts, as a page with filters shows them
      DrillSideways.ConcurrentDrillSidewaysResult<TopDocs> r =
          new DrillSideways(searcher, config, state).search(ddq, top);
      hits = r.collectorResult;
      facets = r.facets;
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String dim : DIMS) {
      FacetResult fr;
      try {
        fr =
            ALL_VALUES.contains(dim)
                ? facets.getAllChildren(dim)
                : facets.getTopChildren(TOP_VALUES, dim);
      } catch (IllegalArgumentException absent) {
        // a dimension no document of this corpus has
        fr = null;
      }
      List<String> l = new ArrayList<>();
      if (fr != null) {
        for (LabelAndValue lv : fr.labelValues) {
          l.add(lv.label + "=" + lv.value);
        }
      }
      values.put(dim, l);
    }
    UnifiedHighlighter h =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
            .build();
    Map<String, String[]> marked =
        h.highlightFields(new String[] {TITLE, BODY}, text, hits, new int[] {1, 2});
    List<String> ids = new ArrayList<>(hits.scoreDocs.length);
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc sd : hits.scoreDocs) {
      ids.add(stored.document(sd.doc, Set.of(ID)).get(ID));
    }
    return new Page(
        hits.totalHits.value(),
        ids,
        Arrays.asList(marked.get(TITLE)),
        Arrays.asList(marked.get(BODY)),
        values);
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
      directory.close();
    } finally {
      slices.shutdown();
    }
  }
}
