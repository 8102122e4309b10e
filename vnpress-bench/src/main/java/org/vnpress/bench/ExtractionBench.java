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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.vnpress.extract.District;
import org.vnpress.extract.DistrictExtractor;
import org.vnpress.extract.DocumentNumberExtractor;
import org.vnpress.extract.DocumentRef;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.InputRecord;
import org.vnpress.extract.PeriodExtractor;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.PubDate;
import org.vnpress.extract.VnKey;

/**
 * Measures extraction: precision and recall of document numbers, districts and publication dates on
 * the hand-labelled dev set and on the seeds' gold file, and throughput on one thread.
 *
 * <p>Run as {@code bin/vnpress bench extraction}, or {@code java -cp target/vnpress.jar
 * org.vnpress.bench.ExtractionBench [SHARED] [DEVSET] [--verbose]}.
 */
public final class ExtractionBench {

  /** Where the dev set lives in a clone; the bench runs from the repository root. */
  public static final Path DEVSET =
      Path.of("vnpress-bench/src/main/resources/org/vnpress/bench/devset.jsonl");

  /** The labelled news set of issue 17: documents and districts, split into dev and held-out. */
  public static final Path NEWSSET =
      Path.of("vnpress-bench/src/main/resources/org/vnpress/bench/newsset.jsonl");

  /** The page-shape fixtures and their gold ({@code shapes.json}). */
  public static final Path SHAPES =
      Path.of("vnpress-core/src/test/resources/org/vnpress/extract/shapes");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One labelled document.
   *
   * @param documentsOther numbers that look like documents but are neither Party nor state ones (a
   *     trade-union guideline): counted neither as hits nor as errors
   * @param split {@code dev} or {@code heldout} in the news set; {@code dev} elsewhere
   */
  public record Gold(
      String file,
      String id,
      Set<String> documents,
      Set<String> districts,
      String date,
      Set<String> documentsOther,
      String split) {}

  /** Counts for one field, micro-averaged over documents. */
  public record Score(int truePositives, int falsePositives, int falseNegatives) {
    public double precision() {
      int p = truePositives + falsePositives;
      return p == 0 ? 1.0 : (double) truePositives / p;
    }

    public double recall() {
      int g = truePositives + falseNegatives;
      return g == 0 ? 1.0 : (double) truePositives / g;
    }

    Score plus(Score o) {
      return new Score(
          truePositives + o.truePositives,
          falsePositives + o.falsePositives,
          falseNegatives + o.falseNegatives);
    }
  }

  /**
   * Scores of one labelled set.
   *
   * @param inventedDates documents with no date in the text that were given one
   * @param missing labelled documents not found in the corpus files
   */
  public record Scores(
      int documentsScored,
      Score documents,
      Score districts,
      Score dates,
      int inventedDates,
      List<String> missing,
      List<String> errors) {}

  private ExtractionBench() {}

  public static void main(String[] args) throws IOException {
    List<String> rest = new ArrayList<>();
    boolean verbose = false;
    for (String a : args) {
      if (a.equals("--verbose")) {
        verbose = true;
      } else {
        rest.add(a);
      }
    }
    Path shared =
        Path.of(rest.size() > 0 ? rest.get(0) : System.getProperty("vnpress.shared", "../shared"));
    Path devset = rest.size() > 1 ? Path.of(rest.get(1)) : DEVSET;
    run(System.out, shared, Path.of("."), devset, verbose);
  }

  /** Prints the report for the sets in their usual places in the clone at {@code home}. */
  public static void run(PrintStream out, Path shared) throws IOException {
    run(out, shared, Path.of("."), DEVSET, false);
  }

  /**
   * Prints the whole report: every field on the page-shape fixtures and the seeds, precision and
   * recall on the dev set and on the news set (dev and held-out apart), and throughput.
   */
  public static void run(PrintStream out, Path shared, Path home, Path devset, boolean verbose)
      throws IOException {
    Extractor x = Extractor.standard();
    out.println("vnpress extraction benchmark (one thread)");
    Path shapes = home.resolve(SHAPES);
    if (Files.exists(shapes.resolve("shapes.json"))) {
      printFields(out, "page-shape fixtures " + shapes, shapeFields(shapes, x), verbose);
    } else {
      out.println("page-shape fixtures: " + shapes + " not found, skipped");
    }
    Path seedGold = shared.resolve("seeds/gold.json");
    if (Files.exists(seedGold)) {
      printFields(out, "seeds " + seedGold, seedFields(shared, x), verbose);
      print(out, "seeds " + seedGold, score(readSeedGold(seedGold), x, shared), verbose);
    }
    if (Files.exists(devset)) {
      Scores dev = score(readDevSet(devset), x, shared);
      print(out, "dev set " + devset, dev, verbose);
    } else {
      out.println("dev set: " + devset + " not found, skipped");
    }
    Path news = home.resolve(NEWSSET);
    if (Files.exists(news)) {
      List<Gold> all = readDevSet(news);
      for (String split : List.of("dev", "heldout")) {
        List<Gold> part = all.stream().filter(g -> g.split().equals(split)).toList();
        print(out, "news set " + news + " [" + split + "]", score(part, x, shared), verbose);
      }
    }
    FactsBench.print(out, x, shared, home, verbose);
    throughput(out, x, shared);
  }

  /** Right and scored counts per field. */
  public static final class FieldCounts {
    private final Map<String, int[]> counts = new java.util.LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    void add(String field, boolean right, String where, Object want, Object got) {
      int[] c = counts.computeIfAbsent(field, k -> new int[2]);
      c[1]++;
      if (right) {
        c[0]++;
      } else {
        errors.add(where + " " + field + ": want " + want + ", got " + got);
      }
    }

    /** Fields right, over all fields scored. */
    public int right() {
      return counts.values().stream().mapToInt(c -> c[0]).sum();
    }

    public int scored() {
      return counts.values().stream().mapToInt(c -> c[1]).sum();
    }

    public Map<String, int[]> byField() {
      return counts;
    }

    public List<String> errors() {
      return errors;
    }
  }

  /** Every gold field of the page-shape fixtures. */
  public static FieldCounts shapeFields(Path folder, Extractor x) throws IOException {
    JsonNode gold = JSON.readTree(folder.resolve("shapes.json").toFile());
    FieldCounts c = new FieldCounts();
    for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("_")) {
        continue;
      }
      String name = e.getKey();
      String text = Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
      String stem = name.substring(0, name.lastIndexOf('.'));
      PressRelease r = name.endsWith(".html") ? x.fromHtml(stem, text) : x.fromText(stem, text);
      compareFields(c, name, e.getValue(), r);
    }
    return c;
  }

  /** Every gold field of the seeds that extraction produces. */
  public static FieldCounts seedFields(Path shared, Extractor x) throws IOException {
    JsonNode gold = JSON.readTree(shared.resolve("seeds/gold.json").toFile());
    FieldCounts c = new FieldCounts();
    for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().endsWith(".txt")) {
        continue;
      }
      Path p = shared.resolve("seeds").resolve(e.getKey());
      String stem = e.getKey().substring(0, e.getKey().length() - 4);
      compareFields(c, e.getKey(), e.getValue(), x.fromText(stem, Files.readString(p)));
    }
    return c;
  }

  private static void compareFields(FieldCounts c, String where, JsonNode g, PressRelease r) {
    if (g.has("title")) {
      String want = g.get("title").isNull() ? null : g.get("title").asText();
      c.add("title", java.util.Objects.equals(want, r.title()), where, want, r.title());
    }
    if (g.has("date")) {
      String want = g.get("date").isNull() ? null : g.get("date").asText();
      c.add("date", java.util.Objects.equals(want, r.date().iso()), where, want, r.date().iso());
    }
    if (g.has("author")) {
      String want = g.get("author").isNull() ? null : g.get("author").asText();
      c.add("author", java.util.Objects.equals(want, r.author()), where, want, r.author());
    }
    if (g.has("bodyStartsWith")) {
      String want = g.get("bodyStartsWith").asText();
      c.add(
          "body start",
          r.body().startsWith(want),
          where,
          want,
          r.body().substring(0, Math.min(40, r.body().length())));
    }
    for (String key : List.of("bodyExcludes", "bodyContains")) {
      if (g.has(key)) {
        for (JsonNode v : g.get(key)) {
          boolean has = r.body().contains(v.asText());
          String field = key.equals("bodyExcludes") ? "no furniture" : "glued split";
          c.add(
              field,
              key.equals("bodyExcludes") != has,
              where,
              v.asText(),
              has ? "present" : "absent");
        }
      }
    }
    if (g.has("districts")) {
      Set<String> want = keys(strings(g.get("districts")), VnKey::of);
      Set<String> got = new LinkedHashSet<>();
      r.districts().forEach(d -> got.add(VnKey.of(d.value())));
      c.add("districts", want.equals(got), where, g.get("districts"), r.districts());
    }
    if (g.has("documents")) {
      Set<String> want =
          keys(strings(g.get("documents")), DocumentNumberExtractor::sameDocumentKey);
      Set<String> got = new LinkedHashSet<>();
      r.documents().forEach(d -> got.add(DocumentNumberExtractor.sameDocumentKey(d.value())));
      c.add("documents", want.equals(got), where, g.get("documents"), got);
    }
  }

  private static void printFields(PrintStream out, String name, FieldCounts c, boolean verbose) {
    out.printf(Locale.ROOT, "%n%s: %d of %d gold fields right%n", name, c.right(), c.scored());
    for (Map.Entry<String, int[]> e : c.byField().entrySet()) {
      out.printf(Locale.ROOT, "  %-13s %4d / %-4d%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
    }
    if (verbose) {
      c.errors().forEach(e -> out.println("  " + e));
    }
  }

  private static void print(PrintStream out, String name, Scores s, boolean verbose) {
    out.printf(Locale.ROOT, "%n%s: %d documents%n", name, s.documentsScored());
    out.printf(
        Locale.ROOT,
        "  %-10s %9s %7s %5s %5s %5s%n",
        "field",
        "precision",
        "recall",
        "tp",
        "fp",
        "fn");
    row(out, "documents", s.documents());
    row(out, "districts", s.districts());
    row(out, "date", s.dates());
    out.printf(Locale.ROOT, "  dates invented where the text has none: %d%n", s.inventedDates());
    if (!s.missing().isEmpty()) {
      out.println("  not found in the corpus: " + s.missing());
    }
    if (verbose) {
      s.errors().forEach(e -> out.println("  " + e));
    }
  }

  private static void row(PrintStream out, String field, Score s) {
    out.printf(
        Locale.ROOT,
        "  %-10s %9.3f %7.3f %5d %5d %5d%n",
        field,
        s.precision(),
        s.recall(),
        s.truePositives(),
        s.falsePositives(),
        s.falseNegatives());
  }

  /** Reads the dev set: one JSON object a line. */
  public static List<Gold> readDevSet(Path devset) throws IOException {
    List<Gold> out = new ArrayList<>();
    for (String line : Files.readAllLines(devset, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      out.add(
          new Gold(
              n.get("file").asText(),
              n.get("id").asText(),
              strings(n.get("documents")),
              strings(n.get("districts")),
              n.hasNonNull("date") ? n.get("date").asText() : null,
              strings(n.get("documentsOther")),
              n.path("split").asText("dev")));
    }
    return out;
  }

  /** Reads {@code seeds/gold.json} as dev-set rows of the file {@code seeds}. */
  public static List<Gold> readSeedGold(Path gold) throws IOException {
    JsonNode root = JSON.readTree(gold.toFile());
    List<Gold> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().endsWith(".txt")) {
        continue;
      }
      JsonNode n = e.getValue();
      out.add(
          new Gold(
              "seeds",
              e.getKey().substring(0, e.getKey().length() - 4),
              strings(n.get("documents")),
              strings(n.get("districts")),
              n.hasNonNull("date") ? n.get("date").asText() : null,
              Set.of(),
              "dev"));
    }
    return out;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    if (array != null) {
      array.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  /** Extracts every labelled document from the corpus files and compares with the labels. */
  public static Scores score(List<Gold> gold, Extractor x, Path shared) throws IOException {
    Map<String, PressRelease> extracted = extractAll(gold, x, shared);
    Score docs = new Score(0, 0, 0);
    Score districts = new Score(0, 0, 0);
    Score dates = new Score(0, 0, 0);
    int invented = 0;
    List<String> missing = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int scored = 0;
    for (Gold g : gold) {
      PressRelease r = extracted.get(g.file() + "|" + g.id());
      if (r == null) {
        missing.add(g.file() + ":" + g.id());
        continue;
      }
      scored++;
      // documents compare without leading zeros, districts on their tone-placement key, as the
      // dev set's README asks
      Set<String> other = keys(g.documentsOther(), DocumentNumberExtractor::sameDocumentKey);
      Set<String> gotDocs = new LinkedHashSet<>();
      for (DocumentRef d : r.documents()) {
        String k = DocumentNumberExtractor.sameDocumentKey(d.value());
        if (!other.contains(k)) {
          gotDocs.add(k);
        }
      }
      Set<String> gotDistricts = new LinkedHashSet<>();
      for (District d : r.districts()) {
        gotDistricts.add(VnKey.of(d.value()));
      }
      Set<String> wantDocs = keys(g.documents(), DocumentNumberExtractor::sameDocumentKey);
      Set<String> wantDistricts = keys(g.districts(), VnKey::of);
      Map<String, String> shown = new HashMap<>();
      g.districts().forEach(v -> shown.put(VnKey.of(v), v));
      r.districts().forEach(d -> shown.put(VnKey.of(d.value()), d.value()));
      docs = docs.plus(compare(g, "documents", wantDocs, gotDocs, errors, Map.of()));
      districts =
          districts.plus(compare(g, "districts", wantDistricts, gotDistricts, errors, shown));
      String got = r.date().iso();
      int tp = got != null && got.equals(g.date()) ? 1 : 0;
      int fp = got != null && tp == 0 ? 1 : 0;
      int fn = g.date() != null && tp == 0 ? 1 : 0;
      dates = dates.plus(new Score(tp, fp, fn));
      if (g.date() == null && got != null) {
        invented++;
      }
      if (tp == 0 && (got != null || g.date() != null)) {
        errors.add(g.file() + ":" + g.id() + " date: want " + g.date() + ", got " + got);
      }
    }
    return new Scores(scored, docs, districts, dates, invented, missing, errors);
  }

  private static Set<String> keys(
      Set<String> values, java.util.function.UnaryOperator<String> key) {
    Set<String> out = new LinkedHashSet<>();
    values.forEach(v -> out.add(key.apply(v)));
    return out;
  }

  private static Score compare(
      Gold g,
      String field,
      Set<String> want,
      Set<String> got,
      List<String> errors,
      Map<String, String> shown) {
    Set<String> fp = new LinkedHashSet<>(got);
    fp.removeAll(want);
    Set<String> fn = new LinkedHashSet<>(want);
    fn.removeAll(got);
    if (!fp.isEmpty() || !fn.isEmpty()) {
      errors.add(
          g.file()
              + ":"
              + g.id()
              + " "
              + field
              + ": extra "
              + fp.stream().map(k -> shown.getOrDefault(k, k)).toList()
              + ", missed "
              + fn.stream().map(k -> shown.getOrDefault(k, k)).toList());
    }
    return new Score(got.size() - fp.size(), fp.size(), fn.size());
  }

  private static Map<String, PressRelease> extractAll(List<Gold> gold, Extractor x, Path shared)
      throws IOException {
    Map<String, Set<String>> wanted = new HashMap<>();
    for (Gold g : gold) {
      wanted.computeIfAbsent(g.file(), f -> new HashSet<>()).add(g.id());
    }
    Map<String, PressRelease> out = new HashMap<>();
    for (Map.Entry<String, Set<String>> e : wanted.entrySet()) {
      String file = e.getKey();
      if (file.equals("seeds")) {
        for (String id : e.getValue()) {
          Path p = shared.resolve("seeds").resolve(id + ".txt");
          if (Files.exists(p)) {
            out.put("seeds|" + id, x.fromText(id, Files.readString(p, StandardCharsets.UTF_8)));
          }
        }
        continue;
      }
      Path p = shared.resolve("corpus").resolve(file);
      if (!Files.exists(p)) {
        continue;
      }
      try (BufferedReader r = open(p)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          // parse only the wanted lines: the baomoi file has 35,000 records
          if (!e.getValue().contains(quickId(line))) {
            continue;
          }
          JsonNode n = JSON.readTree(line);
          String id = n.path("id").asText();
          if (e.getValue().contains(id)) {
            out.put(file + "|" + id, x.fromRecord(record(n)));
          }
        }
      }
    }
    return out;
  }

  /** The id of a corpus line without parsing it: the corpus writes {@code "id": "…"} first. */
  private static String quickId(String line) {
    int k = line.indexOf("\"id\"");
    int open = k < 0 ? -1 : line.indexOf('"', line.indexOf(':', k) + 1);
    int close = open < 0 ? -1 : line.indexOf('"', open + 1);
    return close < 0 ? "" : line.substring(open + 1, close);
  }

  private static InputRecord record(JsonNode n) {
    return new InputRecord(
        text(n, "id"),
        text(n, "title"),
        text(n, "body"),
        text(n, "date"),
        text(n, "url"),
        text(n, "source"));
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  private static BufferedReader open(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    if (p.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Docs per second on one thread over the first baomoi records, read into memory first. */
  private static void throughput(PrintStream out, Extractor x, Path shared) throws IOException {
    Path p = shared.resolve("corpus/baomoi_2017.jsonl.gz");
    if (!Files.exists(p)) {
      out.println("\nthroughput: " + p + " not found, skipped");
      return;
    }
    List<InputRecord> docs = new ArrayList<>();
    long chars = 0;
    try (BufferedReader r = open(p)) {
      for (String line = r.readLine(); line != null && docs.size() < 5000; line = r.readLine()) {
        InputRecord rec = record(JSON.readTree(line));
        docs.add(rec);
        chars += rec.body().length();
      }
    }
    // one warm-up pass so the JIT has compiled the patterns' code paths
    long sink = 0;
    for (InputRecord rec : docs) {
      sink += x.fromRecord(rec).districts().size();
    }
    // CPU time of this thread as well as wall time: on a shared machine the wall clock also counts
    // the time other processes held the core
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (InputRecord rec : docs) {
      sink += x.fromRecord(rec).districts().size();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
    out.printf(
        Locale.ROOT,
        "%nthroughput (one thread, %d baomoi documents, %.1f MB of text, %d districts found):%n",
        docs.size(),
        chars / 1e6,
        sink / 2);
    out.printf(
        Locale.ROOT,
        "  wall %.2f s = %.0f docs/s; thread CPU %.2f s = %.0f docs/s%n",
        secs,
        docs.size() / secs,
        cpu,
        docs.size() / cpu);
    // the metadata finders alone, on the same texts, to tell their cost from the text parser's
    DistrictExtractor districts = DistrictExtractor.standard();
    DocumentNumberExtractor numbers = new DocumentNumberExtractor();
    PeriodExtractor periods = new PeriodExtractor();
    long m0 = threads.getCurrentThreadCpuTime();
    for (InputRecord rec : docs) {
      sink += districts.analyse(rec.body(), PubDate.NONE).places().size();
      sink += numbers.extract(rec.body()).size();
      sink += periods.extract(rec.body(), PubDate.NONE).size();
    }
    double meta = (threads.getCurrentThreadCpuTime() - m0) / 1e9;
    out.printf(
        Locale.ROOT,
        "  of which districts + documents + periods alone: thread CPU %.2f s = %.0f docs/s%n",
        meta,
        docs.size() / meta);
  }
}
