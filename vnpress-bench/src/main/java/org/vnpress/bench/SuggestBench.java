package org.vnpress.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.analysis.VietnameseFolder;
import org.vnpress.analysis.VietnameseNormalizer;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.InputRecord;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.Sources;
import org.vnpress.index.Ingest;
import org.vnpress.index.NgramKeys;
import org.vnpress.index.NgramKeys.Kind;
import org.vnpress.index.NgramTable;
import org.vnpress.index.PressIndex;
import org.vnpress.index.SyllableCounts;
import org.vnpress.index.TextCounts;
import org.vnpress.search.restore.AccentRestorer;
import org.vnpress.search.restore.FallbackModel;
import org.vnpress.search.restore.Restoration;

/**
 * {@code bench suggest}: accent restoration on windows of 5–7 words from held-out news documents of
 * the shared corpora, typed without diacritics. Per system: syllable accuracy (letters and tone;
 * tone placement and case ignored), whole-window accuracy, time per restoration; beside a unigram
 * ("most frequent form") and a bigram baseline counted from the same index in the same run. Also
 * trains the shipped fallback model ({@link #trainFallback}), from the same split.
 */
public final class SuggestBench {

  /** One document in this many of baomoi and VNDS is held out, by id: never counted anywhere. */
  static final int HOLD_OUT_ONE_IN = 40;

  /** Folded phrases of the seeds' domain: windows that hold one form the party/state row. */
  static final List<String> DOMAIN =
      List.of(
          "quan uy",
          "huyen uy",
          "thanh uy",
          "tinh uy",
          "ban chap hanh",
          "dang bo",
          "uy ban nhan dan",
          "hoi dong nhan dan",
          "ban thuong vu",
          "mat tran to quoc");

  /** The examples and what they must become. */
  static final List<String[]> EXAMPLES =
      List.of(
          new String[] {"quan uy hoang mai", "quận ủy Hoàng Mai"},
          new String[] {"dang bo quan hoang mai", "đảng bộ quận Hoàng Mai"},
          new String[] {"hoi nghi ban chap hanh", "hội nghị ban chấp hành"},
          new String[] {"tai nan giao thong", "tai nạn giao thông"},
          new String[] {"muoi may nam", "mười mấy năm"},
          new String[] {"bieu dien", "biểu diễn"},
          new String[] {"bay to su", "bày tỏ sự"},
          new String[] {"tich cuc", "tích cực"},
          new String[] {"uy ban nhan dan", "ủy ban nhân dân"},
          new String[] {"hoi dong nhan dan", "hội đồng nhân dân"},
          new String[] {"ban chap hanh dang bo", "ban chấp hành đảng bộ"});

  private static final Analyzer EXACT = new VietnameseAnalyzer(VietnameseAnalyzer.Key.EXACT);

  /** A window: what is typed, and the exact keys it must become. */
  record Window(String typed, List<String> expected, boolean domain) {}

  /** A way of restoring: the reading of a typed window, one form per word. */
  interface Restorer {
    List<String> reading(String typed);
  }

  private SuggestBench() {}

  static boolean heldOut(String id) {
    return id != null && Math.floorMod(id.hashCode(), HOLD_OUT_ONE_IN) == 0;
  }

  /** Runs the benchmark and prints its table. */
  public static void run(
      Path shared,
      Path home,
      int windowCount,
      boolean countsOnly,
      Path scaleCorpus,
      int scaleDocs,
      PrintStream out)
      throws IOException {
    long t0 = System.nanoTime();
    List<InputRecord> held = new ArrayList<>();
    Path tmp = Files.createTempDirectory("vnpress-suggest");
    Extractor extractor = Extractor.standard();
    int[] docs = {0};
    long[] spent = new long[3]; // analysing, counting, merging
    try (PressIndex index = countsOnly ? PressIndex.inMemory() : PressIndex.open(tmp)) {
      SyllableCounts direct =
          SyllableCounts.withBudget(SyllableCounts.MAX_ENTRIES, SyllableCounts.MAX_FORMS);
      List<PressRelease> batch = new ArrayList<>();
      for (String f : List.of("baomoi_2017.jsonl.gz", "vnds_dev.jsonl.gz")) {
        CorpusReader.read(
            shared.resolve("corpus").resolve(f),
            Integer.MAX_VALUE,
            r -> {
              if (heldOut(r.id())) {
                held.add(r);
                return;
              }
              docs[0]++;
              if (countsOnly) {
                long a = System.nanoTime();
                TextCounts c = TextCounts.of(r.title(), r.body());
                long b = System.nanoTime();
                direct.add(c);
                long e = System.nanoTime();
                if (docs[0] % Ingest.COMMIT_EVERY == 0) {
                  direct.freeze();
                }
                spent[0] += b - a;
                spent[1] += e - b;
                spent[2] += System.nanoTime() - e;
              } else {
                batch.add(extractor.fromRecord(r));
                // one committed batch every so many documents, as a long ingest does
                if (batch.size() == Ingest.COMMIT_EVERY) {
                  index.write(batch);
                  batch.clear();
                }
              }
            });
      }
      for (PressRelease r : bundled(home)) {
        docs[0]++;
        if (countsOnly) {
          direct.add(TextCounts.of(r.displayTitle(), r.body()));
        } else {
          batch.add(r);
        }
      }
      index.write(batch);
      long m = System.nanoTime();
      NgramTable news = countsOnly ? direct.freeze() : index.syllableCounts().table();
      spent[2] += System.nanoTime() - m;
      if (countsOnly) {
        out.printf(
            Locale.ROOT,
            "per document: %.0f µs analysing (the index does this anyway), %.0f µs counting,"
                + " %.0f µs merging at commits every %,d documents%n",
            spent[0] / 1e3 / docs[0],
            spent[1] / 1e3 / docs[0],
            spent[2] / 1e3 / docs[0],
            Ingest.COMMIT_EVERY);
      }
      out.printf(
          Locale.ROOT,
          "news index: %,d documents (%s), %,d held out; model %,d syllable tokens, %,d entries,"
              + " %,d forms, floor %d, %.1f MB; built in %.0f s%n",
          docs[0],
          countsOnly ? "counted directly" : "indexed",
          held.size(),
          news.tokens(),
          news.entries(),
          news.vocabularySize(),
          news.floor(),
          news.bytes() / 1e6,
          (System.nanoTime() - t0) / 1e9);
      NgramTable fb = FallbackModel.table();
      out.printf(
          Locale.ROOT,
          "shipped model: %,d syllable tokens, %,d entries, %,d forms, %.1f MB in memory%n",
          fb.tokens(),
          fb.entries(),
          fb.vocabularySize(),
          fb.bytes() / 1e6);

      List<Window> windows = windows(held, windowCount);
      long domain = windows.stream().filter(Window::domain).count();
      out.printf(
          Locale.ROOT,
          "%,d windows of 5-7 words from held-out documents (%,d with a party/state phrase)%n%n",
          windows.size(),
          domain);

      try (PressIndex fresh = PressIndex.inMemory()) {
        fresh.write(bundled(home));
        NgramTable small = fresh.syllableCounts().table();
        List<Row> rows = new ArrayList<>();
        rows.add(
            row(
                "vnpress (index + shipped model)",
                restorer(new AccentRestorer(() -> news, () -> fb)),
                windows));
        rows.add(
            row(
                "  index counts only",
                restorer(new AccentRestorer(() -> news, NgramTable::empty)),
                windows));
        rows.add(
            row(
                "  shipped model only",
                restorer(new AccentRestorer(NgramTable::empty, () -> fb)),
                windows));
        rows.add(
            row(
                "  fresh install: index-data (" + fresh.count() + " docs) + shipped",
                restorer(new AccentRestorer(() -> small, () -> fb)),
                windows));
        rows.add(row("unigram baseline (same index)", w -> unigram(news, w), windows));
        rows.add(row("bigram baseline (same index)", w -> bigram(news, w), windows));
        print(rows, out);
        out.println();
        examples("vnpress", new AccentRestorer(() -> news, () -> fb), out);
        examples("fresh install", new AccentRestorer(() -> small, () -> fb), out);
      }
      if (scaleCorpus != null) {
        scale(scaleCorpus, scaleDocs, windows, fb, out);
      }
    } finally {
      CorpusReader.delete(tmp);
    }
  }

  /** The bundled data (seeds, resolutions, DANeS titles) as the product reads it. */
  static List<PressRelease> bundled(Path home) throws IOException {
    List<PressRelease> out = new ArrayList<>();
    new Sources(Extractor.standard())
        .read(
            List.of(home.resolve("index-data")),
            item -> {
              if (item instanceof Sources.Accepted a) {
                out.add(a.release());
              }
            });
    return out;
  }

  private static Restorer restorer(AccentRestorer r) {
    return typed -> {
      Restoration x = r.restore(typed);
      return x.suggestion() == null ? Arrays.asList(typed.split(" ")) : x.reading();
    };
  }

  // ---------------------------------------------------------------- windows

  /** Windows of 5–7 words without numbers or punctuation, spread evenly over the documents. */
  static List<Window> windows(List<InputRecord> docs, int count) throws IOException {
    VietnameseFolder folder = new VietnameseFolder();
    List<Window> all = new ArrayList<>();
    int[] lengths = {5, 6, 7};
    int k = 0;
    for (InputRecord r : docs) {
      List<List<String[]>> runs = runs(r.body());
      // one window per document from its middle run of enough words, another if it has a domain
      // phrase
      List<String[]> pick = null;
      List<String[]> domainPick = null;
      int domainAt = -1;
      int len = lengths[k++ % 3];
      for (int i = 0; i < runs.size(); i++) {
        List<String[]> run = runs.get(i);
        if (run.size() < len) {
          continue;
        }
        if (pick == null || i <= runs.size() / 2) {
          pick = run;
        }
        String folded =
            " "
                + String.join(
                    " ", run.stream().map(t -> folder.fold(t[1]).toLowerCase(Locale.ROOT)).toList())
                + " ";
        if (domainPick == null) {
          for (String d : DOMAIN) {
            int at = folded.indexOf(" " + d + " ");
            if (at >= 0) {
              domainPick = run;
              domainAt = folded.substring(0, at + 1).split(" ", -1).length - 2;
              break;
            }
          }
        }
      }
      if (pick != null) {
        int from = (pick.size() - len) / 2;
        all.add(window(pick.subList(from, from + len), false, folder));
      }
      if (domainPick != null && domainPick != pick) {
        int from = Math.max(0, Math.min(domainPick.size() - len, domainAt - 1));
        all.add(window(domainPick.subList(from, from + len), true, folder));
      }
    }
    // an even spread of news windows up to count, and every domain one up to count / 2
    List<Window> news = all.stream().filter(w -> !w.domain).toList();
    List<Window> dom = all.stream().filter(Window::domain).toList();
    List<Window> out = new ArrayList<>(spread(news, count));
    out.addAll(spread(dom, count / 2));
    return out;
  }

  private static <T> List<T> spread(List<T> list, int n) {
    if (list.size() <= n) {
      return list;
    }
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(list.get((int) ((long) i * list.size() / n)));
    }
    return out;
  }

  private static Window window(List<String[]> words, boolean domain, VietnameseFolder folder) {
    List<String> expected = words.stream().map(t -> t[0]).toList();
    String typed =
        String.join(
            " ", words.stream().map(t -> folder.fold(t[1]).toLowerCase(Locale.ROOT)).toList());
    return new Window(typed, expected, domain);
  }

  /** Runs of letter-only syllables between punctuation: {exact key, as written} each. */
  private static List<List<String[]>> runs(String text) throws IOException {
    List<List<String[]>> runs = new ArrayList<>();
    List<String[]> run = new ArrayList<>();
    try (TokenStream ts = EXACT.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int prevEnd = 0;
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() == 0) {
          continue;
        }
        String gap = text.substring(Math.min(prevEnd, off.startOffset()), off.startOffset());
        prevEnd = off.endOffset();
        String t = term.toString();
        boolean word = t.chars().allMatch(Character::isLetter);
        if (!gap.isBlank() || !word) {
          if (run.size() >= 5) {
            runs.add(run);
          }
          run = new ArrayList<>();
        }
        if (word) {
          String written =
              Normalizer.normalize(
                  text.substring(off.startOffset(), off.endOffset()), Normalizer.Form.NFC);
          run.add(new String[] {t, written});
        }
      }
      ts.end();
    }
    if (run.size() >= 5) {
      runs.add(run);
    }
    return runs;
  }

  // ---------------------------------------------------------------- measuring

  record Row(
      String name,
      Score news,
      Score domain,
      double p50,
      double p99,
      double cpuP50,
      double cpuP99,
      double bestP50,
      double bestP99) {}

  /** CPU time of the measuring thread: what a restoration costs, whatever else runs. */
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  record Score(long syllables, long syllablesRight, long windows, long windowsRight) {
    double syllableAccuracy() {
      return syllables == 0 ? 0 : (double) syllablesRight / syllables;
    }

    double windowAccuracy() {
      return windows == 0 ? 0 : (double) windowsRight / windows;
    }
  }

  private static Row row(String name, Restorer r, List<Window> windows) {
    // warm-up passes, then the timed one
    for (int pass = 0; pass < 3; pass++) {
      for (Window w : windows) {
        r.reading(w.typed);
      }
    }
    long gcBefore = gcMillis();
    long[] times = new long[windows.size()];
    long[] cpu = new long[windows.size()];
    long[] best = new long[windows.size()];
    long[][] s = new long[2][4];
    for (int i = 0; i < windows.size(); i++) {
      Window w = windows.get(i);
      long t = System.nanoTime();
      long c = CPU.getCurrentThreadCpuTime();
      List<String> got = r.reading(w.typed);
      cpu[i] = CPU.getCurrentThreadCpuTime() - c;
      times[i] = System.nanoTime() - t;
      // the same restoration four more times: the fastest is what it costs when no other
      // process holds the core (on a shared machine a wait for the core lands in any one run)
      best[i] = times[i];
      for (int k = 0; k < 4; k++) {
        long t2 = System.nanoTime();
        r.reading(w.typed);
        best[i] = Math.min(best[i], System.nanoTime() - t2);
      }
      long[] x = s[w.domain ? 1 : 0];
      int right = 0;
      for (int j = 0; j < w.expected.size(); j++) {
        if (j < got.size() && key(got.get(j)).equals(w.expected.get(j))) {
          right++;
        }
      }
      x[0] += w.expected.size();
      x[1] += right;
      x[2]++;
      x[3] += right == w.expected.size() ? 1 : 0;
    }
    long gc = gcMillis() - gcBefore;
    if (gc > 0) {
      System.out.printf(
          Locale.ROOT, "  (%s: %d ms of GC pauses during the timed pass)%n", name.strip(), gc);
    }
    Arrays.sort(times);
    Arrays.sort(cpu);
    Arrays.sort(best);
    return new Row(
        name,
        new Score(s[0][0], s[0][1], s[0][2], s[0][3]),
        new Score(s[1][0], s[1][1], s[1][2], s[1][3]),
        percentile(times, 0.50) / 1e3,
        percentile(times, 0.99) / 1e3,
        percentile(cpu, 0.50) / 1e3,
        percentile(cpu, 0.99) / 1e3,
        percentile(best, 0.50) / 1e3,
        percentile(best, 0.99) / 1e3);
  }

  private static long gcMillis() {
    long t = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      t += Math.max(0, gc.getCollectionTime());
    }
    return t;
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0
        ? 0
        : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }

  /** Exact key: case and tone placement ignored, letters and tone kept. */
  static String key(String word) {
    String lower = Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    char[] c = lower.toCharArray();
    return new String(c, 0, new VietnameseNormalizer().normalize(c, c.length));
  }

  private static void print(List<Row> rows, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%-48s | %-15s | %-15s | %-15s | %-15s | %-15s | %s%n",
        "system",
        "news syl / win",
        "party syl / win",
        "all syl / win",
        "µs wall p50/p99",
        "µs best-of-5",
        "µs CPU p50/p99");
    out.println(
        "-".repeat(48)
            + "-|-"
            + "-".repeat(15)
            + "-|-"
            + "-".repeat(15)
            + "-|-"
            + "-".repeat(15)
            + "-|-"
            + "-".repeat(15)
            + "-|-"
            + "-".repeat(15)
            + "-|---------------");
    for (Row r : rows) {
      Score all =
          new Score(
              r.news.syllables + r.domain.syllables,
              r.news.syllablesRight + r.domain.syllablesRight,
              r.news.windows + r.domain.windows,
              r.news.windowsRight + r.domain.windowsRight);
      out.printf(
          Locale.ROOT,
          "%-48s | %.3f / %.3f   | %.3f / %.3f   | %.3f / %.3f   | %6.0f / %-6.0f | %6.0f / %-6.0f | %.0f / %.0f%n",
          r.name,
          r.news.syllableAccuracy(),
          r.news.windowAccuracy(),
          r.domain.syllableAccuracy(),
          r.domain.windowAccuracy(),
          all.syllableAccuracy(),
          all.windowAccuracy(),
          r.p50,
          r.p99,
          r.bestP50,
          r.bestP99,
          r.cpuP50,
          r.cpuP99);
    }
  }

  private static void examples(String name, AccentRestorer r, PrintStream out) {
    int ok = 0;
    StringBuilder wrong = new StringBuilder();
    for (String[] e : EXAMPLES) {
      String got = r.restore(e[0]).suggestion();
      if (e[1].equals(got)) {
        ok++;
      } else {
        wrong.append(String.format(Locale.ROOT, "%n  %s -> %s (want %s)", e[0], got, e[1]));
      }
    }
    out.printf(
        Locale.ROOT, "issue examples, %s: %d of %d right%s%n", name, ok, EXAMPLES.size(), wrong);
  }

  // ---------------------------------------------------------------- baselines

  private static long uni(NgramTable t, String form) {
    return t.count(NgramKeys.of(Kind.UNIGRAM, NgramKeys.syllable(form)));
  }

  /** Each word's most frequent form in the index. */
  static List<String> unigram(NgramTable t, String typed) {
    List<String> out = new ArrayList<>();
    for (String w : typed.split(" ")) {
      int[] f = t.formsOf(w);
      out.add(f.length == 0 ? w : t.form(f[0]));
    }
    return out;
  }

  /** A plain bigram model: Viterbi over each word's forms, bigram share or the unigram's. */
  static List<String> bigram(NgramTable t, String typed) {
    String[] words = typed.split(" ");
    List<String[]> forms = new ArrayList<>();
    for (String w : words) {
      int[] f = t.formsOf(w);
      String[] s = new String[Math.max(1, Math.min(8, f.length))];
      s[0] = w;
      for (int i = 0; i < s.length && i < f.length; i++) {
        s[i] = t.form(f[i]);
      }
      forms.add(s);
    }
    double total = Math.max(1, t.tokens());
    Function<String, Double> p1 = f -> Math.log(Math.max(0.5, uni(t, f)) / total);
    double[] score = new double[forms.get(0).length];
    for (int j = 0; j < score.length; j++) {
      score[j] = p1.apply(forms.get(0)[j]);
    }
    List<int[]> back = new ArrayList<>();
    for (int i = 1; i < words.length; i++) {
      String[] prev = forms.get(i - 1);
      String[] cur = forms.get(i);
      double[] next = new double[cur.length];
      int[] from = new int[cur.length];
      for (int c = 0; c < cur.length; c++) {
        next[c] = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < prev.length; a++) {
          long c2 =
              t.count(
                  NgramKeys.of(
                      Kind.BIGRAM, NgramKeys.syllable(prev[a]), NgramKeys.syllable(cur[c])));
          double lp =
              c2 > 0
                  ? Math.log((double) c2 / Math.max(c2, uni(t, prev[a])))
                  : Math.log(0.4) + p1.apply(cur[c]);
          if (score[a] + lp > next[c]) {
            next[c] = score[a] + lp;
            from[c] = a;
          }
        }
      }
      back.add(from);
      score = next;
    }
    int best = 0;
    for (int j = 1; j < score.length; j++) {
      if (score[j] > score[best]) {
        best = j;
      }
    }
    String[] out = new String[words.length];
    for (int i = words.length - 1; i >= 0; i--) {
      out[i] = forms.get(i)[best];
      if (i > 0) {
        best = back.get(i - 1)[best];
      }
    }
    return List.of(out);
  }

  // ---------------------------------------------------------------- scale

  /**
   * Time per restoration with the counts of a large corpus: counted as the index counts them,
   * frozen every 5,000 documents as at each commit of a long ingest.
   */
  private static void scale(
      Path corpus, int limit, List<Window> windows, NgramTable fb, PrintStream out)
      throws IOException {
    SyllableCounts counts = new SyllableCounts();
    long t0 = System.nanoTime();
    long[] freeze = {0, 0};
    int n =
        CorpusReader.read(
            corpus,
            limit,
            r -> {
              counts.add(TextCounts.of(r.title(), r.body()));
              if (++freeze[1] % 50_000 == 0) {
                long f = System.nanoTime();
                counts.freeze();
                freeze[0] += System.nanoTime() - f;
                out.printf(
                    Locale.ROOT,
                    "  %,d documents counted, %.0f s%n",
                    freeze[1],
                    (System.nanoTime() - t0) / 1e9);
              }
            });
    long f = System.nanoTime();
    NgramTable t = counts.freeze();
    freeze[0] += System.nanoTime() - f;
    out.printf(
        Locale.ROOT,
        "%nscale: %,d documents of %s counted in %.0f s (merges %.1f s); model %,d syllable tokens,"
            + " %,d entries, %,d forms, floor %d, %.1f MB (+ shipped %.1f MB)%n",
        n,
        corpus.getFileName(),
        (System.nanoTime() - t0) / 1e9,
        freeze[0] / 1e9,
        t.tokens(),
        t.entries(),
        t.vocabularySize(),
        t.floor(),
        t.bytes() / 1e6,
        fb.bytes() / 1e6);
    Row r =
        row(
            "vnpress at scale (held-out windows)",
            restorer(new AccentRestorer(() -> t, () -> fb)),
            windows);
    print(List.of(r), out);
  }

  // ---------------------------------------------------------------- the shipped model

  /**
   * Counts the shipped model: the bundled data and the shared corpora without the held-out
   * documents, kept to a small budget, gzipped to {@code target}.
   */
  public static void trainFallback(
      Path shared, Path home, Path target, int entries, int forms, PrintStream out)
      throws IOException {
    SyllableCounts counts = SyllableCounts.withBudget(entries, forms);
    int[] n = {0};
    for (String f : List.of("baomoi_2017.jsonl.gz", "vnds_dev.jsonl.gz")) {
      CorpusReader.read(
          shared.resolve("corpus").resolve(f),
          Integer.MAX_VALUE,
          r -> {
            if (!heldOut(r.id())) {
              counts.add(TextCounts.of(r.title(), r.body()));
              n[0]++;
            }
          });
    }
    for (PressRelease r : bundled(home)) {
      counts.add(TextCounts.of(r.displayTitle(), r.body()));
      n[0]++;
    }
    NgramTable t = counts.freeze();
    Files.createDirectories(target.getParent());
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(target), 1 << 16)) {
      t.write(os);
    }
    out.printf(
        Locale.ROOT,
        "shipped model from %,d documents: %,d syllable tokens, %,d entries, %,d forms, floor %d;"
            + " %.1f MB in memory, %.1f MB file %s%n",
        n[0],
        t.tokens(),
        t.entries(),
        t.vocabularySize(),
        t.floor(),
        t.bytes() / 1e6,
        Files.size(target) / 1e6,
        target);
  }
}
