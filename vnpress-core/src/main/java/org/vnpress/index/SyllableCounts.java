package org.vnpress.index;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.vnpress.index.NgramKeys.Kind;

/**
 * The syllable language model's counts over an index's own text, kept with the index: each written
 * document's syllables are counted (unigrams, bigrams, trigrams, and how often each is
 * capitalized), and at each commit the new counts are merged into a new {@link NgramTable} that
 * searches read and that is written beside the index, so a reopened index has them at once. The
 * table keeps to a budget of entries: beyond it the least frequent n-grams are dropped (the floor
 * rises).
 *
 * <p>Counts are of text written, not of live documents: a replaced document's old text stays
 * counted and a deleted one's too. For a language model of the collection that is harmless.
 */
public final class SyllableCounts {

  /** The file beside the index. Not a Lucene file name, so Lucene never deletes it. */
  public static final String FILE = "syllable-ngrams.vnlm";

  /** Entries the table keeps at most by default: 7M entries are 42 MB (6 bytes each). */
  public static final int MAX_ENTRIES = 7_000_000;

  /** Syllables the vocabulary keeps at most by default. */
  public static final int MAX_FORMS = 100_000;

  /**
   * Distinct keys counted between merges; beyond, the least counted since the last merge are
   * dropped (a long ingest merges every 30 s, about 40,000 documents: what occurs once among them
   * may go; what matters occurs more often). Merging instead whenever this fills would cost a
   * second per few thousand documents. See {@link #pendingBudget}.
   */
  private static final int MAX_PENDING = pendingBudget(Runtime.getRuntime().maxMemory());

  /**
   * 4 million keys, or fewer on a small heap: a key costs up to 48 bytes while the counter grows
   * (two flat arrays at most three-quarters full, and the old pair while they double), and counting
   * may take an eighth of the heap. At {@code -Xmx256m} that is about 700,000 keys (33 MB at most);
   * 4 million would take 190 MB while growing, and a 30 MB write request ran the server out of
   * memory (MemoryIT).
   */
  static int pendingBudget(long maxHeap) {
    return (int) Math.max(100_000, Math.min(4_000_000, maxHeap / 8 / 48));
  }

  private final int maxEntries;
  private final int maxForms;
  private volatile NgramTable table;
  private LongCounter pending = new LongCounter(MAX_PENDING);
  private Map<String, FormTally> pendingForms = new HashMap<>();
  private long pendingTokens;

  /** A form's count and the spelling seen most (Misra–Gries with two slots). */
  private static final class FormTally {
    int count;
    String first;
    int firstCount;
    String second;
    int secondCount;

    void see(String surface) {
      see(surface, 1);
    }

    void see(String surface, int n) {
      count += n;
      if (surface.equals(first)) {
        firstCount += n;
      } else if (surface.equals(second)) {
        secondCount += n;
        if (secondCount > firstCount) {
          String s = first;
          first = second;
          second = s;
          int c = firstCount;
          firstCount = secondCount;
          secondCount = c;
        }
      } else if (first == null) {
        first = surface;
        firstCount = n;
      } else if (second == null || secondCount == 0) {
        second = surface;
        secondCount = n;
      } else {
        secondCount = Math.max(0, secondCount - n);
      }
    }
  }

  /** Where the counts are kept between runs: beside a Lucene index, or in a search cluster. */
  public interface Store {
    /** Replaces what is kept with {@code table}, whole or not at all. */
    void write(NgramTable table) throws IOException;

    /** The table written last, or null when there is none. */
    NgramTable read() throws IOException;

    /** A file beside the index in {@code dir}, written to a temporary name and renamed. */
    static Store in(Directory dir) {
      return new DirectoryStore(dir);
    }
  }

  public SyllableCounts() {
    this(NgramTable.empty(), MAX_ENTRIES, MAX_FORMS);
  }

  /** Counts that keep to other budgets (the shipped model is smaller). */
  public static SyllableCounts withBudget(int maxEntries, int maxForms) {
    return new SyllableCounts(NgramTable.empty(), maxEntries, maxForms);
  }

  SyllableCounts(NgramTable start, int maxEntries, int maxForms) {
    this.table = start;
    this.maxEntries = maxEntries;
    this.maxForms = maxForms;
  }

  /** Tables up to this many entries are merged and written at every commit. */
  private static final int SMALL = 300_000;

  /**
   * Larger tables are merged at most this often while documents arrive: a merge of a full table
   * reads and writes all of it (about a second), on the thread that commits.
   */
  private static final long FREEZE_NANOS = 30_000_000_000L;

  /** …and written at most this often (and when the index closes). */
  private static final long PERSIST_NANOS = 60_000_000_000L;

  private long frozenAt = System.nanoTime();
  private long persistedAt = System.nanoTime();
  private boolean unsaved;

  /**
   * After the index committed: the new counts go to searches, and to disk, at once for a small
   * table, and every few seconds (searches) or every minute (disk) for a large one, so that a long
   * ingest does not rewrite tens of megabytes at each commit. A crash loses at most that minute of
   * counts, never documents.
   */
  public synchronized void committed(Store store) throws IOException {
    long now = System.nanoTime();
    boolean small = table.entries() + pending.size() < SMALL;
    if (changed() && (small || now - frozenAt >= FREEZE_NANOS)) {
      freeze();
      frozenAt = now;
      unsaved = true;
    }
    if (unsaved && (small || now - persistedAt >= PERSIST_NANOS)) {
      persist(store);
      persistedAt = now;
    }
  }

  /** When the index closes: everything counted goes to disk. */
  public synchronized void close(Store store) throws IOException {
    if (changed() || unsaved) {
      persist(store);
    }
  }

  /**
   * Takes {@code kept} (read from a store after counting began, as a backend that loads in the
   * background does) as the base, with everything counted so far added to it.
   */
  public synchronized void adopt(NgramTable kept) {
    NgramTable counted = table;
    counted.forEach(pending::add);
    for (int id = 0; id < counted.vocabularySize(); id++) {
      pendingForms
          .computeIfAbsent(counted.form(id), k -> new FormTally())
          .see(counted.surface(id), counted.formCount(id));
    }
    pendingTokens += counted.tokens();
    table = kept;
    freeze();
  }

  /** The counts of the index as of its last commit (or {@link #freeze}). */
  public NgramTable table() {
    return table;
  }

  /** Counts one document's syllables; visible to searches after the next {@link #freeze}. */
  public synchronized void add(TextCounts doc) {
    long prev = 0;
    long prev2 = 0;
    int run = 0;
    boolean prevKnown = false;
    boolean prevCap = false;
    for (int i = 0; i < doc.size(); i++) {
      byte f = doc.flags(i);
      if ((f & TextCounts.BREAK_BEFORE) != 0) {
        run = 0;
      }
      long h = doc.hash(i);
      String form = doc.form(i);
      // a syllable with two tone marks is a typo: counted in the n-grams, not offered as a form
      boolean typo = form == null;
      boolean number = typo || form.equals(TextCounts.NUMBER);
      boolean known = !number && (f & TextCounts.CASE_UNKNOWN) == 0;
      boolean cap = (f & TextCounts.CAPITALIZED) != 0;
      pending.add(NgramKeys.of(Kind.UNIGRAM, h), 1);
      pendingTokens++;
      if (!number) {
        String surface = doc.surface(i);
        if (surface == null) {
          surface = form;
        } else if (!known) {
          surface = surface.toLowerCase(Locale.ROOT);
        }
        pendingForms.computeIfAbsent(form, k -> new FormTally()).see(surface);
      }
      if (known) {
        pending.add(NgramKeys.of(Kind.CASE_KNOWN, h), 1);
        if (cap) {
          pending.add(NgramKeys.of(Kind.CAPITALIZED, h), 1);
        }
      }
      if (run >= 1) {
        pending.add(NgramKeys.of(Kind.BIGRAM, prev, h), 1);
        if (known && cap) {
          pending.add(NgramKeys.of(Kind.CAPITALIZED_SECOND, prev, h), 1);
        }
        if (!prevKnown) {
          pending.add(NgramKeys.of(Kind.CASE_UNKNOWN_FIRST, prev, h), 1);
        } else if (prevCap) {
          pending.add(NgramKeys.of(Kind.CAPITALIZED_FIRST, prev, h), 1);
        }
      }
      if (run >= 2) {
        pending.add(NgramKeys.of(Kind.TRIGRAM, prev2, prev, h), 1);
      }
      prev2 = prev;
      prev = h;
      prevKnown = known;
      prevCap = cap;
      run++;
    }
  }

  /** Whether documents were counted since the last {@link #freeze}. */
  public synchronized boolean changed() {
    return pendingTokens > 0;
  }

  /** Merges the counts since the last call into a new table for searches. */
  public synchronized NgramTable freeze() {
    if (pendingTokens == 0) {
      return table;
    }
    NgramTable base = table;
    NgramTable.Builder merged = new NgramTable.Builder();
    // the vocabulary: counts add up; the spelling seen most since wins when it outnumbers the old
    Map<String, FormTally> forms = pendingForms;
    int[] formHistogram = new int[64];
    Map<String, int[]> counted = new HashMap<>();
    for (int id = 0; id < base.vocabularySize(); id++) {
      String form = base.form(id);
      FormTally t = forms.get(form);
      int c = base.formCount(id) + (t == null ? 0 : t.count);
      counted.put(form, new int[] {c, id});
      formHistogram[Math.min(63, c)]++;
    }
    forms.forEach(
        (form, t) -> {
          if (!counted.containsKey(form)) {
            counted.put(form, new int[] {t.count, -1});
            formHistogram[Math.min(63, t.count)]++;
          }
        });
    int formFloor = threshold(formHistogram, counted.size(), maxForms);
    counted.forEach(
        (form, c) -> {
          if (c[0] <= formFloor) {
            return;
          }
          FormTally t = forms.get(form);
          String surface = c[1] >= 0 ? base.surface(c[1]) : null;
          if (t != null && t.first != null && (c[1] < 0 || t.firstCount > base.formCount(c[1]))) {
            surface = t.first;
          }
          merged.form(form, surface, c[0]);
        });
    // the n-grams: old and new add up, then the least frequent go beyond the budget
    // both in key order, merged in one pass: the table never needs sorting again
    Object[] more = pending.sorted();
    long[] pk = (long[]) more[0];
    int[] pc = (int[]) more[1];
    int[] j = {0};
    base.forEach(
        (k, c) -> {
          while (j[0] < pk.length && Long.compareUnsigned(pk[j[0]], k) < 0) {
            merged.entry(pk[j[0]], pc[j[0]++]);
          }
          if (j[0] < pk.length && pk[j[0]] == k) {
            merged.entry(k, (int) Math.min(Integer.MAX_VALUE, (long) c + pc[j[0]++]));
          } else {
            merged.entry(k, c);
          }
        });
    while (j[0] < pk.length) {
      merged.entry(pk[j[0]], pc[j[0]++]);
    }
    int kept = Math.max(base.floor(), pending.floor());
    NgramTable next = merged.build(base.tokens() + pendingTokens, kept).pruned(maxEntries);
    table = next;
    pending = new LongCounter(MAX_PENDING);
    pendingForms = new HashMap<>();
    pendingTokens = 0;
    return next;
  }

  /** The highest count to drop so that at most {@code budget} of {@code total} remain. */
  private static int threshold(int[] histogram, long total, int budget) {
    int t = 0;
    long left = total;
    while (left > budget && t < 62) {
      t++;
      left -= histogram[t];
    }
    return t;
  }

  /** Freezes and writes the table to the store. */
  public synchronized void persist(Store store) throws IOException {
    NgramTable t = freeze();
    unsaved = false;
    store.write(t);
  }

  /** The counts kept in a store, or empty ones when there are none. */
  public static SyllableCounts load(Store store) throws IOException {
    NgramTable t = store.read();
    return t == null ? new SyllableCounts() : new SyllableCounts(t, MAX_ENTRIES, MAX_FORMS);
  }

  private record DirectoryStore(Directory dir) implements Store {
    @Override
    public void write(NgramTable t) throws IOException {
      String temp = FILE + ".tmp";
      if (Arrays.asList(dir.listAll()).contains(temp)) {
        dir.deleteFile(temp); // left by an interrupted write
      }
      try (IndexOutput out = dir.createOutput(temp, IOContext.DEFAULT);
          OutputStream os = new BufferedOutputStream(new IndexOutputStream(out), 1 << 16)) {
        t.write(os);
      }
      dir.sync(List.of(temp));
      try {
        // on a file system the rename replaces the old table atomically
        dir.rename(temp, FILE);
      } catch (java.nio.file.FileAlreadyExistsException inMemory) {
        dir.deleteFile(FILE);
        dir.rename(temp, FILE);
      }
      dir.syncMetaData();
    }

    @Override
    public NgramTable read() throws IOException {
      if (!Arrays.asList(dir.listAll()).contains(FILE)) {
        return null;
      }
      try (IndexInput in = dir.openInput(FILE, IOContext.READONCE);
          InputStream is = new BufferedInputStream(new IndexInputStream(in), 1 << 16)) {
        return NgramTable.read(is);
      }
    }
  }

  private static final class IndexOutputStream extends OutputStream {
    private final IndexOutput out;

    IndexOutputStream(IndexOutput out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.writeByte((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.writeBytes(b, off, len);
    }
  }

  private static final class IndexInputStream extends InputStream {
    private final IndexInput in;

    IndexInputStream(IndexInput in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (in.getFilePointer() >= in.length()) {
        return -1;
      }
      return in.readByte() & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      long left = in.length() - in.getFilePointer();
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      in.readBytes(b, off, n);
      return n;
    }
  }
}
