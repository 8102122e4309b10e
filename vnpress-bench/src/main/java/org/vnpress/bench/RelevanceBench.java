package org.vnpress.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.vnpress.analysis.VietnameseFolder;
import org.vnpress.index.TextFields;
import org.vnpress.search.Ranking;
import org.vnpress.search.TextQueryBuilder;
import org.vnpress.search.TextQueryBuilder.Tuning;

/**
 * Ranking quality of vnpress beside plain Lucene baselines: MRR@10 and Recall@10 on the ALQAC 2023
 * legal retrieval set and on a known-item set of government news (a phrase of each target article,
 * typed four ways: exact, without diacritics, old-style tone placement, decomposed Unicode).
 */
public final class RelevanceBench {

  private static final int K = 10;

  /** One document of a test collection. */
  record Doc(String id, String title, String body) {}

  /** One query and its relevant documents. */
  record Judged(String id, String text, Set<String> relevant) {}

  /** MRR@10 and Recall@10 over a query set. */
  record Metrics(double mrr, double recall) {}

  /** How a system ranks a text: the best k documents of its index. */
  interface Ranker {
    TopDocs top(IndexSearcher searcher, String text, int k) throws IOException;
  }

  /** A searchable system: an index and a way to rank a text on it. */
  private static final class System implements AutoCloseable {
    final String name;
    final Directory dir = new ByteBuffersDirectory();
    final DirectoryReader reader;
    final IndexSearcher searcher;
    Ranker ranker;

    System(String name, Analyzer index, boolean vnpress, List<Doc> docs, Ranker ranker)
        throws IOException {
      this.name = name;
      this.ranker = ranker;
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(index))) {
        for (Doc d : docs) {
          Document doc = new Document();
          doc.add(new StringField("id", d.id(), Field.Store.YES));
          if (vnpress) {
            TextFields.fields(d.title(), d.body()).forEach(doc::add);
          } else {
            doc.add(new TextField("title", d.title(), Field.Store.NO));
            doc.add(new TextField("body", d.body(), Field.Store.NO));
          }
          w.addDocument(doc);
        }
      }
      reader = DirectoryReader.open(dir);
      searcher = new IndexSearcher(reader);
    }

    List<String> search(String text) throws IOException {
      List<String> ids = new ArrayList<>();
      TopDocs top = ranker.top(searcher, text, K);
      for (ScoreDoc sd : top.scoreDocs) {
        ids.add(searcher.storedFields().document(sd.doc).get("id"));
      }
      return ids;
    }

    Metrics evaluate(List<Judged> set) throws IOException {
      double rr = 0;
      double recall = 0;
      for (Judged j : set) {
        List<String> hits = search(j.text());
        int found = 0;
        for (int i = 0; i < hits.size(); i++) {
          if (j.relevant().contains(hits.get(i))) {
            if (found == 0) {
              rr += 1.0 / (i + 1);
            }
            found++;
          }
        }
        recall += (double) found / j.relevant().size();
      }
      return new Metrics(rr / set.size(), recall / set.size());
    }

    @Override
    public void close() throws IOException {
      reader.close();
      dir.close();
    }
  }

  /** Plain StandardAnalyzer, optionally with ASCIIFoldingFilter. */
  private static Analyzer standard(boolean folding) {
    if (!folding) {
      return new StandardAnalyzer();
    }
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer t = new StandardTokenizer();
        TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(t));
        return new TokenStreamComponents(t, s);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** The classic multi-field query: any word, on title (boosted) or body. */
  private static Ranker baselineQueries(Analyzer a) {
    QueryBuilder qb = new QueryBuilder(a);
    return (searcher, text, k) -> searcher.search(baselineQuery(qb, text), k);
  }

  private static Query baselineQuery(QueryBuilder qb, String text) {
    {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      Query t = qb.createBooleanQuery("title", text, Occur.SHOULD);
      Query body = qb.createBooleanQuery("body", text, Occur.SHOULD);
      if (t != null) {
        b.add(new BoostQuery(t, 2f), Occur.SHOULD);
      }
      if (body != null) {
        b.add(body, Occur.SHOULD);
      }
      BooleanQuery q = b.build();
      return q.clauses().isEmpty() ? new MatchNoDocsQuery() : q;
    }
  }

  /** vnpress's own ranking with a tuning: what search pages use ({@link Ranking}). */
  private static Ranker vnpress(Tuning t) {
    TextQueryBuilder qb = new TextQueryBuilder(t);
    return (searcher, text, k) -> Ranking.top(searcher, qb, text, k);
  }

  // ---------------------------------------------------------------- data sets

  private static final ObjectMapper JSON = new ObjectMapper();

  static List<JsonNode> readJsonl(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }

  static List<Doc> docs(List<JsonNode> records) {
    return records.stream()
        .map(
            n ->
                new Doc(
                    n.path("id").asText(), n.path("title").asText(""), n.path("body").asText("")))
        .toList();
  }

  /** ALQAC 2023: the collection and the test statements with their judged articles. */
  static List<Judged> alqacQueries(Path dir) throws IOException {
    Map<String, Set<String>> qrels = new HashMap<>();
    for (String line : Files.readAllLines(dir.resolve("qrels_test.txt"), StandardCharsets.UTF_8)) {
      // "qid 0 docid 1", and a doc id may contain spaces
      String[] head = line.split(" ", 3);
      if (head.length < 3) {
        continue;
      }
      String rest = head[2];
      String docId = rest.substring(0, rest.lastIndexOf(' '));
      qrels.computeIfAbsent(head[0], k -> new HashSet<>()).add(docId);
    }
    List<Judged> out = new ArrayList<>();
    for (String line :
        Files.readAllLines(dir.resolve("queries_test.tsv"), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", 2);
      if (f.length == 2 && qrels.containsKey(f[0])) {
        out.add(new Judged(f[0], f[1], qrels.get(f[0])));
      }
    }
    return out;
  }

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");

  /**
   * Known items: government articles (the {@code gov} flag) with a body of 600+ characters, taken
   * evenly by id; the query is eight words from the middle of the body, composed to NFC.
   */
  static List<Judged> knownItems(List<JsonNode> records, int targets, int words) {
    List<JsonNode> gov =
        records.stream()
            .filter(n -> n.path("gov").asBoolean(false))
            .filter(n -> n.path("body").asText("").length() >= 600)
            .sorted(Comparator.comparing(n -> n.path("id").asText()))
            .toList();
    List<Judged> out = new ArrayList<>();
    double step = Math.max(1.0, (double) gov.size() / targets);
    for (int i = 0; out.size() < targets && (int) (i * step) < gov.size(); i++) {
      JsonNode n = gov.get((int) (i * step));
      String body = Normalizer.normalize(n.path("body").asText(), Normalizer.Form.NFC);
      int from = body.length() / 2;
      int sentence = body.indexOf(". ", from);
      Matcher m = WORD.matcher(body);
      List<String> picked = new ArrayList<>();
      int at = sentence < 0 ? from : sentence + 2;
      // eight consecutive words within one sentence, starting after the middle of the body
      while (picked.size() < words && m.find(at)) {
        if (!picked.isEmpty() && !body.substring(at, m.start()).isBlank()) {
          picked.clear();
        }
        picked.add(m.group());
        at = m.end();
      }
      if (picked.size() == words) {
        out.add(
            new Judged(
                n.path("id").asText(), String.join(" ", picked), Set.of(n.path("id").asText())));
      }
    }
    return out;
  }

  /** Without diacritics and đ→d, as typed on a phone. */
  static String noDiacritics(String s) {
    return new VietnameseFolder().fold(s);
  }

  /** A new-style open syllable: tone on the o of oa/oe or the u of uy, at the end of a word. */
  private static final Pattern NEW_STYLE =
      Pattern.compile("([òóỏõọÒÓỎÕỌ])([aeAE])(?!\\p{L})|([ùúủũụÙÚỦŨỤ])([yY])(?!\\p{L})");

  /** New-style tone placement (hòa, thủy) rewritten old style (hoà, thuỷ). */
  static String oldStyle(String s) {
    StringBuilder out = new StringBuilder();
    Matcher m = NEW_STYLE.matcher(s);
    int last = 0;
    while (m.find()) {
      int g = m.group(1) != null ? 1 : 3;
      // "quý" keeps its tone: qu is a consonant
      if (g == 3 && m.start() > 0 && Character.toLowerCase(s.charAt(m.start() - 1)) == 'q') {
        continue;
      }
      String toned = Normalizer.normalize(m.group(g), Normalizer.Form.NFD);
      String mark = toned.substring(1);
      out.append(s, last, m.start());
      out.append(toned.charAt(0));
      out.append(Normalizer.normalize(m.group(g + 1) + mark, Normalizer.Form.NFC));
      last = m.end();
    }
    return out.append(s.substring(last)).toString();
  }

  static String nfd(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD);
  }

  static List<Judged> variant(List<Judged> set, Function<String, String> f) {
    return set.stream().map(j -> new Judged(j.id(), f.apply(j.text()), j.relevant())).toList();
  }

  // ---------------------------------------------------------------- run

  /** Runs everything and prints the tables. */
  public static void run(Path shared, int targets, PrintStream out) throws IOException {
    List<Doc> alqacDocs = docs(readJsonl(shared.resolve("ir/alqac2023/corpus.jsonl")));
    List<Judged> alqac = alqacQueries(shared.resolve("ir/alqac2023"));
    List<JsonNode> baomoi = readJsonl(shared.resolve("corpus/baomoi_2017.jsonl.gz"));
    List<Doc> baomoiDocs = docs(baomoi);
    List<Judged> known = knownItems(baomoi, targets, 8);
    baomoi = null;

    Map<String, List<Judged>> knownVariants = new LinkedHashMap<>();
    knownVariants.put("exact", known);
    knownVariants.put("no diacritics", variant(known, RelevanceBench::noDiacritics));
    knownVariants.put("old-style tone", variant(known, RelevanceBench::oldStyle));
    knownVariants.put("NFD", variant(known, RelevanceBench::nfd));
    long changedTone = known.stream().filter(j -> !oldStyle(j.text()).equals(j.text())).count();

    out.printf(
        Locale.ROOT,
        "ALQAC 2023: %d articles, %d test queries. Known items: %d of %d baomoi 2017 articles"
            + " (gov targets), %d-word phrases; old-style variant differs in %d.%n%n",
        alqacDocs.size(),
        alqac.size(),
        known.size(),
        baomoiDocs.size(),
        8,
        changedTone);

    Map<String, Tuning> tunings = new LinkedHashMap<>();
    tunings.put("vnpress", Tuning.DEFAULT);
    Tuning d = Tuning.DEFAULT;
    tunings.put("  no proximity", withProximity(d, 0, 0));
    tunings.put("  pairs only", withProximity(d, d.pairBoost(), 0));
    tunings.put("  phrase only", withProximity(d, 0, d.phraseBoost()));
    tunings.put("  stopwords", d.withStopwords(true));

    List<String> columns = new ArrayList<>();
    columns.add("ALQAC 2023");
    columns.addAll(knownVariants.keySet().stream().map(k -> "known: " + k).toList());
    Map<String, List<Metrics>> rows = new LinkedHashMap<>();

    for (int set = 0; set < 2; set++) {
      List<Doc> docs = set == 0 ? alqacDocs : baomoiDocs;
      List<List<Judged>> queries =
          set == 0 ? List.of(alqac) : new ArrayList<>(knownVariants.values());
      Analyzer std = standard(false);
      Analyzer fold = standard(true);
      try (System v = new System("vnpress", TextFields.indexAnalyzer(), true, docs, null);
          System s = new System("StandardAnalyzer", std, false, docs, baselineQueries(std));
          System f =
              new System("Standard+ASCIIFolding", fold, false, docs, baselineQueries(fold))) {
        for (Map.Entry<String, Tuning> t : tunings.entrySet()) {
          v.ranker = vnpress(t.getValue());
          for (List<Judged> q : queries) {
            Metrics m = v.evaluate(q);
            rows.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(m);
            progress(t.getKey(), m);
          }
        }
        for (System b : List.of(s, f)) {
          for (List<Judged> q : queries) {
            Metrics m = b.evaluate(q);
            rows.computeIfAbsent(b.name, k -> new ArrayList<>()).add(m);
            progress(b.name, m);
          }
        }
      }
    }
    out.printf(Locale.ROOT, "%-24s", "MRR@10 / Recall@10");
    for (String c : columns) {
      out.printf(Locale.ROOT, " | %-21s", c);
    }
    out.println();
    out.print("-".repeat(24));
    for (int i = 0; i < columns.size(); i++) {
      out.print(" | " + "-".repeat(21));
    }
    out.println();
    for (Map.Entry<String, List<Metrics>> r : rows.entrySet()) {
      out.printf(Locale.ROOT, "%-24s", r.getKey());
      for (Metrics m : r.getValue()) {
        out.printf(Locale.ROOT, " | %.3f / %.3f        ", m.mrr(), m.recall());
      }
      out.println();
    }
    List<Metrics> v = rows.get("vnpress");
    out.printf(
        Locale.ROOT,
        "%nvnpress known-item MRR@10, no diacritics / exact = %.3f (target >= 0.95)%n",
        v.get(2).mrr() / v.get(1).mrr());
  }

  private static Tuning withProximity(Tuning d, float pairs, float phrase) {
    return d.withProximity(pairs, phrase);
  }

  private static void progress(String row, Metrics m) {
    java.lang.System.err.printf(
        Locale.ROOT, "  %s: MRR@10 %.3f R@10 %.3f%n", row.strip(), m.mrr(), m.recall());
  }

  /**
   * Quick tuning: vnpress only, on ALQAC and on the known items (exact and no diacritics) over the
   * government articles plus every fourth other article.
   */
  public static void tune(Path shared, List<Tuning> grid, PrintStream out) throws IOException {
    tune(shared, grid, out, false);
  }

  /** As {@link #tune(Path, List, PrintStream)}; with {@code full}, over all 35,431 articles. */
  public static void tune(Path shared, List<Tuning> grid, PrintStream out, boolean full)
      throws IOException {
    List<Doc> alqacDocs = docs(readJsonl(shared.resolve("ir/alqac2023/corpus.jsonl")));
    List<Judged> alqac = alqacQueries(shared.resolve("ir/alqac2023"));
    List<JsonNode> baomoi = readJsonl(shared.resolve("corpus/baomoi_2017.jsonl.gz"));
    List<Judged> known = knownItems(baomoi, 400, 8);
    List<Judged> folded = variant(known, RelevanceBench::noDiacritics);
    List<Doc> subset = new ArrayList<>();
    int i = 0;
    for (JsonNode n : baomoi) {
      if (full || n.path("gov").asBoolean(false) || i++ % 4 == 0) {
        subset.add(
            new Doc(n.path("id").asText(), n.path("title").asText(""), n.path("body").asText("")));
      }
    }
    try (System a = new System("vnpress", TextFields.indexAnalyzer(), true, alqacDocs, null);
        System k = new System("vnpress", TextFields.indexAnalyzer(), true, subset, null)) {
      for (Tuning t : grid) {
        a.ranker = vnpress(t);
        k.ranker = vnpress(t);
        Metrics ma = a.evaluate(alqac);
        Metrics me = k.evaluate(known);
        Metrics mf = k.evaluate(folded);
        out.printf(
            Locale.ROOT,
            "%s%n  ALQAC %.3f/%.3f  known exact %.3f/%.3f  no-diacritics %.3f/%.3f  ratio %.3f%n",
            t,
            ma.mrr(),
            ma.recall(),
            me.mrr(),
            me.recall(),
            mf.mrr(),
            mf.recall(),
            mf.mrr() / me.mrr());
      }
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length > 0 && (args[0].equals("tune") || args[0].equals("tune-full"))) {
      Path shared = Path.of(args[1]);
      List<Tuning> grid = new ArrayList<>();
      for (int i = 2; i < args.length; i++) {
        String[] f = args[i].split(",");
        grid.add(
            new Tuning(
                Float.parseFloat(f[0]),
                Float.parseFloat(f[1]),
                Float.parseFloat(f[2]),
                Float.parseFloat(f[3]),
                Float.parseFloat(f[4]),
                Boolean.parseBoolean(f[5]),
                Boolean.parseBoolean(f[6]),
                f.length > 7 ? Integer.parseInt(f[7]) : Tuning.DEFAULT.rescoreWindow(),
                f.length > 8 ? Integer.parseInt(f[8]) : Tuning.DEFAULT.relaxBelow(),
                f.length > 9 ? Float.parseFloat(f[9]) : Tuning.DEFAULT.togetherBoost()));
      }
      tune(shared, grid, java.lang.System.out, args[0].equals("tune-full"));
      return;
    }
    Path shared =
        Path.of(
            args.length > 0
                ? args[0]
                : java.lang.System.getProperty("vnpress.shared", "../shared"));
    int targets = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    run(shared, targets, java.lang.System.out);
  }

  private RelevanceBench() {}
}
