package org.vnpress.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.fst.WFSTCompletionLookup;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnpress.analysis.VietnameseFolder;
import org.vnpress.index.Fields;
import org.vnpress.index.PressIndex;
import org.vnpress.index.TextFields;

/**
 * Completion while typing: the districts, document numbers and frequent title phrases of the index
 * that start with what is typed, with or without diacritics.
 *
 * <p>The lookup is one weighted FST (Lucene's {@link WFSTCompletionLookup}) over folded keys, so a
 * completion costs a prefix walk and a top-N search, whatever the size of the index. It is built
 * from the index: facet labels and their release counts from the {@link Fields#LABELS} doc values
 * (every document), phrases of two to eight syllables from the stored titles of an even sample of
 * at most {@value #TITLE_SAMPLE} releases, read in runs of {@value #TITLE_RUN}. It is first built
 * in the background by {@link #warmUp} (a server starting) or for the first completion asked for;
 * after the index changes it is rebuilt in the background, at most once per interval, while lookups
 * use the previous one.
 */
public final class Completions implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(Completions.class);

  /** Titles read for phrases: enough for every phrase that one release in a thousand carries. */
  static final int TITLE_SAMPLE = 1_000;

  /** Consecutive titles read at each place of the sample. */
  static final int TITLE_RUN = 100;

  /** Phrases kept, the most frequent first. */
  static final int MAX_PHRASES = 20_000;

  /** The most completions one lookup gives. */
  public static final int MAX_LIMIT = 20;

  /** Typed text beyond this length completes to nothing: no title phrase is that long. */
  public static final int MAX_PREFIX = 100;

  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
  private static final int MIN_WORDS = 2;
  private static final int MAX_WORDS = 8;

  /** Ends a key inside the FST; what follows is the entry's number. */
  private static final char KEY_END = '\u001F';

  private static final VietnameseFolder FOLDER = new VietnameseFolder();
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");

  /** Title punctuation that ends a phrase; a dash only between spaces (15-NQ/TW keeps its own). */
  private static final Pattern PHRASE_BREAK =
      Pattern.compile("[,.:;!?()\\[\\]\"“”‘’«»…|]+|\\s[-–—]+\\s|\\s[-–—]+$|^[-–—]+\\s");

  /**
   * Folded words that neither start nor end a phrase worth completing to ("của", "và", "số"…): a
   * title's phrases run between content words.
   */
  private static final Set<String> EDGE_WORDS =
      Set.of(
          "va", "cua", "cac", "la", "co", "duoc", "cho", "voi", "trong", "nhung", "mot", "da", "de",
          "nay", "theo", "ve", "tai", "tu", "so", "hoac", "thi", "ma", "khi", "den", "o", "vao",
          "ra", "tren", "sau", "truoc", "nhu", "viec", "nam", "ngay", "thang");

  /** Weights: a district or document named by the prefix comes before a phrase as frequent. */
  private static final long DISTRICT_WEIGHT = 3;

  private static final long DOCUMENT_WEIGHT = 2;

  private final PressIndex index;
  private final long intervalNanos;
  private final ScheduledExecutorService builder;

  /** The first build, started by {@link #warmUp} or the first completion asked for. */
  private CompletableFuture<Built> first;

  private final AtomicBoolean rebuildScheduled = new AtomicBoolean();
  private final ReferenceManager.RefreshListener onRefresh;
  private volatile Built current;

  /** One lookup and the completions its keys point to. */
  private record Built(WFSTCompletionLookup lookup, List<Completion> entries, long builtAt) {}

  /** Completions of an index, rebuilt at most every minute while it changes. */
  public Completions(PressIndex index) {
    this(index, DEFAULT_INTERVAL);
  }

  /**
   * @param interval the least time between two rebuilds (zero in tests: every refresh rebuilds)
   */
  public Completions(PressIndex index, Duration interval) {
    this.index = index;
    this.intervalNanos = interval.toNanos();
    this.builder =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vnpress-completions");
              t.setDaemon(true);
              return t;
            });
    this.onRefresh =
        new ReferenceManager.RefreshListener() {
          @Override
          public void beforeRefresh() {}

          @Override
          public void afterRefresh(boolean didRefresh) {
            // an index nobody completes on (a test's, a benchmark's) is never read for it
            if (didRefresh && started()) {
              scheduleRebuild();
            }
          }
        };
    index.searchers().addListener(onRefresh);
  }

  /**
   * The completions of {@code prefix}, best first: districts and documents by how many releases
   * carry them, then phrases by how often titles use them.
   */
  public List<Completion> complete(String prefix, int limit) throws IOException {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
    }
    String key = key(prefix == null ? "" : prefix);
    if (key.isEmpty() || key.length() > MAX_PREFIX) {
      return List.of();
    }
    Built built = current != null ? current : waitForFirst();
    if (built.entries.isEmpty()) {
      return List.of();
    }
    // one entry may match under two keys (the label and the bare name): ask for more, keep each
    // once
    List<Lookup.LookupResult> found = built.lookup.lookup(key, null, false, limit * 3);
    Set<Integer> seen = new LinkedHashSet<>();
    for (Lookup.LookupResult r : found) {
      String k = r.key.toString();
      seen.add(Integer.parseInt(k.substring(k.lastIndexOf(KEY_END) + 1)));
      if (seen.size() == limit) {
        break;
      }
    }
    List<Completion> out = new ArrayList<>(seen.size());
    for (int i : seen) {
      out.add(built.entries.get(i));
    }
    return out;
  }

  /** Starts building the lookup in the background (a server calls it as it starts). */
  public synchronized void warmUp() {
    if (first == null) {
      first = CompletableFuture.supplyAsync(this::buildNow, builder);
    }
  }

  private synchronized boolean started() {
    return first != null;
  }

  private synchronized CompletableFuture<Built> first() {
    warmUp();
    return first;
  }

  private Built waitForFirst() throws IOException {
    try {
      return first().join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw e;
    }
  }

  private void scheduleRebuild() {
    if (!rebuildScheduled.compareAndSet(false, true)) {
      return;
    }
    Built b = current;
    long since = b == null ? Long.MAX_VALUE : System.nanoTime() - b.builtAt;
    long wait = Math.max(0, intervalNanos - since);
    builder.schedule(
        () -> {
          rebuildScheduled.set(false);
          try {
            buildNow();
          } catch (RuntimeException e) {
            // the previous lookup keeps answering; the next change tries again
            LOG.warn("rebuilding the completions failed: {}", e.toString());
          }
        },
        wait,
        TimeUnit.NANOSECONDS);
  }

  private Built buildNow() {
    try {
      IndexSearcher s = index.searchers().acquire();
      try {
        Built b = build(s.getIndexReader());
        current = b;
        return b;
      } finally {
        index.searchers().release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    index.searchers().removeListener(onRefresh);
    builder.shutdownNow();
  }

  // ------------------------------------------------------------------ building

  /** Keys, weights and the entries they point to, as they are gathered. */
  private static final class Gathered {
    final List<Completion> entries = new ArrayList<>();
    final List<BytesRef> keys = new ArrayList<>();
    final List<Long> weights = new ArrayList<>();

    /** Every key added so far: a title phrase that is a district's name is that district. */
    final Set<String> taken = new HashSet<>();

    void add(Completion c, long weight, String... texts) {
      int n = entries.size();
      entries.add(c);
      Set<String> distinct = new HashSet<>();
      for (String t : texts) {
        String k = key(t);
        taken.add(k);
        if (!k.isEmpty() && distinct.add(k)) {
          keys.add(new BytesRef(k + KEY_END + n));
          // the FST holds int weights
          weights.add(Math.min(weight, Integer.MAX_VALUE));
        }
      }
    }
  }

  static Built build(IndexReader reader) throws IOException {
    Gathered g = new Gathered();
    long t0 = System.nanoTime();
    labels(reader, g);
    long t1 = System.nanoTime();
    phrases(reader, g);
    long t2 = System.nanoTime();
    WFSTCompletionLookup lookup =
        new WFSTCompletionLookup(new ByteBuffersDirectory(), "completions");
    lookup.build(new Input(g.keys, g.weights));
    LOG.info(
        "completions of {} documents: {} entries, {} keys (labels {} ms, title phrases {} ms, FST {}"
            + " ms)",
        reader.numDocs(),
        g.entries.size(),
        g.keys.size(),
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (System.nanoTime() - t2) / 1_000_000);
    return new Built(lookup, List.copyOf(g.entries), System.nanoTime());
  }

  /** Districts and documents, with how many live releases carry each. */
  private static void labels(IndexReader reader, Gathered g) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedSetDocValues dv = leaf.reader().getSortedSetDocValues(Fields.LABELS);
      if (dv == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      long[] perOrd = new long[Math.toIntExact(dv.getValueCount())];
      for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        for (int i = 0; i < dv.docValueCount(); i++) {
          perOrd[(int) dv.nextOrd()]++;
        }
      }
      for (int ord = 0; ord < perOrd.length; ord++) {
        if (perOrd[ord] > 0) {
          counts.merge(dv.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
        }
      }
    }
    counts.forEach(
        (entry, count) -> {
          String[] parts = entry.split(String.valueOf(Fields.LABEL_SEPARATOR), 3);
          if (parts.length < 3) {
            return;
          }
          String dim = parts[0];
          String value = parts[1];
          String label = parts[2];
          if (dim.equals(Fields.DISTRICT)) {
            int slash = value.indexOf('/');
            String province = slash < 0 ? null : value.substring(0, slash);
            String bare = value.substring(slash + 1);
            g.add(
                new Completion(label, Fields.DISTRICT, value, province, count),
                count * DISTRICT_WEIGHT,
                label,
                bare);
          } else if (dim.equals(Fields.DOCUMENT)) {
            g.add(
                new Completion(value, Fields.DOCUMENT, value, label, count),
                count * DOCUMENT_WEIGHT,
                value,
                label);
          }
        });
  }

  /** Reads one stored field, the title, and stops. */
  private static final class TitleVisitor extends StoredFieldVisitor {
    String title;

    @Override
    public Status needsField(FieldInfo fieldInfo) {
      if (fieldInfo.name.equals(TextFields.TITLE)) {
        return Status.YES;
      }
      return title == null ? Status.NO : Status.STOP;
    }

    @Override
    public void stringField(FieldInfo fieldInfo, String value) {
      title = value;
    }
  }

  /** How often sampled titles use a phrase, and how the first of them wrote it. */
  private static final class Phrase {
    final String surface;
    int titles;

    Phrase(String surface) {
      this.surface = surface;
    }
  }

  /** Frequent phrases of the titles of an even sample of the live releases. */
  private static void phrases(IndexReader reader, Gathered g) throws IOException {
    int maxDoc = reader.maxDoc();
    if (maxDoc == 0) {
      return;
    }
    Bits live = MultiBits.getLiveDocs(reader);
    StoredFields stored = reader.storedFields();
    // runs of consecutive documents, spread evenly: a run shares the compressed blocks of stored
    // fields that a scattered sample would decompress one document at a time
    int runs = Math.max(1, TITLE_SAMPLE / TITLE_RUN);
    int step = Math.max(TITLE_RUN, maxDoc / runs);
    Map<String, Phrase> byKey = new HashMap<>();
    int sampled = 0;
    for (int doc = 0; doc < maxDoc && sampled < TITLE_SAMPLE; doc++) {
      if (doc % step >= TITLE_RUN) {
        doc += step - doc % step - 1;
        continue;
      }
      if (live != null && !live.get(doc)) {
        continue;
      }
      TitleVisitor v = new TitleVisitor();
      stored.document(doc, v);
      if (v.title == null || v.title.isBlank()) {
        continue;
      }
      sampled++;
      Set<String> inThisTitle = new HashSet<>();
      for (TitlePhrase tp : phrasesOf(v.title)) {
        if (inThisTitle.add(tp.key())) {
          byKey.computeIfAbsent(tp.key(), x -> new Phrase(tp.surface())).titles++;
        }
      }
    }
    // a phrase of a single title is that title's, not the index's
    int least = sampled < 500 ? 2 : 3;
    long numDocs = reader.numDocs();
    int finalSampled = sampled;
    byKey.values().stream()
        .filter(p -> p.titles >= least)
        // "Hoàng Mai" in titles is the district Hoàng Mai, already there with its count; listed
        // again as a phrase, it came before the district whenever the sample held it often
        .filter(p -> !g.taken.contains(key(p.surface)))
        .sorted(Comparator.comparingInt((Phrase p) -> -p.titles))
        .limit(MAX_PHRASES)
        .forEach(
            p -> {
              long estimate = Math.max(1, Math.round((double) p.titles * numDocs / finalSampled));
              g.add(
                  new Completion(p.surface, "phrase", p.surface, null, estimate),
                  estimate,
                  p.surface);
            });
  }

  /** A phrase as a title writes it, and its matching key. */
  record TitlePhrase(String surface, String key) {}

  /**
   * The phrases of two to eight words of a title, between punctuation, not starting or ending on a
   * small word.
   */
  static List<String> titlePhrases(String title) {
    return phrasesOf(title).stream().map(TitlePhrase::surface).toList();
  }

  /** As {@link #titlePhrases}, with keys: each word is folded once, not once per phrase. */
  private static List<TitlePhrase> phrasesOf(String title) {
    List<TitlePhrase> out = new ArrayList<>();
    for (String segment : PHRASE_BREAK.split(Normalizer.normalize(title, Normalizer.Form.NFC))) {
      String s = segment.strip();
      if (s.isEmpty()) {
        continue;
      }
      String[] words = SPACES.split(s);
      lowerCapitals(words);
      String[] keys = new String[words.length];
      boolean[] content = new boolean[words.length];
      for (int i = 0; i < words.length; i++) {
        keys[i] = key(words[i]);
        content[i] = content(keys[i]);
      }
      for (int i = 0; i < words.length; i++) {
        if (!content[i] || keys[i].isEmpty()) {
          continue;
        }
        StringBuilder surface = new StringBuilder(words[i]);
        StringBuilder key = new StringBuilder(keys[i]);
        for (int n = 2; n <= MAX_WORDS && i + n <= words.length; n++) {
          int last = i + n - 1;
          surface.append(' ').append(words[last]);
          if (!keys[last].isEmpty()) {
            key.append(' ').append(keys[last]);
          }
          if (n >= MIN_WORDS && content[last]) {
            out.add(new TitlePhrase(surface.toString(), key.toString()));
          }
        }
      }
    }
    return out;
  }

  /**
   * A run of three or more words in capitals ("VỀ VIỆC SẮP XẾP", as resolutions title themselves)
   * is completed in lower case; codes with digits (1654/NQ-UBTVQH15) and short acronyms keep
   * theirs.
   */
  private static void lowerCapitals(String[] words) {
    int run = 0;
    for (int i = 0; i <= words.length; i++) {
      if (i < words.length && capitals(words[i])) {
        run++;
        continue;
      }
      if (run >= 3) {
        for (int k = i - run; k < i; k++) {
          words[k] = words[k].toLowerCase(Locale.ROOT);
        }
      }
      run = 0;
    }
  }

  private static boolean capitals(String word) {
    return word.codePoints().anyMatch(Character::isLetter)
        && word.codePoints().noneMatch(Character::isDigit)
        && word.equals(word.toUpperCase(Locale.ROOT))
        && !word.equals(word.toLowerCase(Locale.ROOT));
  }

  /** Whether a word (its key) may start or end a phrase. */
  private static boolean content(String f) {
    return !f.isEmpty() && !EDGE_WORDS.contains(f) && f.codePoints().anyMatch(Character::isLetter);
  }

  /**
   * The matching key of a text: lower case, without diacritics, spaces collapsed. Typed text and
   * index text meet in it.
   */
  static String key(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    s = FOLDER.fold(CONTROL.matcher(s).replaceAll(" "));
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /** The gathered keys for the FST builder. */
  private static final class Input implements InputIterator {
    private final List<BytesRef> keys;
    private final List<Long> weights;
    private int i = -1;

    Input(List<BytesRef> keys, List<Long> weights) {
      this.keys = keys;
      this.weights = weights;
    }

    @Override
    public BytesRef next() {
      return ++i < keys.size() ? keys.get(i) : null;
    }

    @Override
    public long weight() {
      return weights.get(i);
    }

    @Override
    public BytesRef payload() {
      return null;
    }

    @Override
    public boolean hasPayloads() {
      return false;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
