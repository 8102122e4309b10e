package org.vnpress.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.IntroSorter;
import org.vnpress.analysis.VietnameseFolder;

/**
 * Syllable and n-gram counts frozen for reading: a vocabulary of syllables (exact key, the spelling
 * the text uses most, count), the syllables of each folded key ({@code tai} → {@code tại, tài, tai,
 * tải…}, commonest first), and the counts of {@link NgramKeys}: sorted in 2^20 buckets by the keys'
 * top bits, each entry the key's low 32 bits and a 16-bit count (larger counts, few, in a side
 * map): 6 bytes an entry, a few entries scanned per lookup. Immutable, so any number of searches
 * read it at once; {@link SyllableCounts} merges new counts into a new table at each commit and
 * persists it beside the index, and the fallback model ships in the same form.
 */
public final class NgramTable {

  private static final int MAGIC = 0x564E4C4D; // "VNLM"
  private static final int VERSION = 1;

  /** Exact keys of the syllables, by id. */
  private final String[] forms;

  /** The spelling the text uses most for each syllable (case, tone placement), by id. */
  private final String[] surfaces;

  private final int[] formCounts;
  private final Map<String, int[]> byFolded;
  private final Map<String, Integer> ids;

  /** Where each bucket's entries start in {@link #lows}; null for an empty table. */
  private final int[] starts;

  /** The low 32 bits of each key, in key order (unsigned). */
  private final int[] lows;

  /** Each key's count; {@link #OVERFLOW} for counts kept in {@link #large}. */
  private final char[] counts;

  /** The few counts of 65,535 or more (common syllables and pairs). */
  private final LongCounter large;

  private final int entries;
  private final long tokens;
  private final int floor;

  private NgramTable(
      String[] forms,
      String[] surfaces,
      int[] formCounts,
      int[] starts,
      int[] lows,
      char[] counts,
      LongCounter large,
      int entries,
      long tokens,
      int floor) {
    this.forms = forms;
    this.surfaces = surfaces;
    this.formCounts = formCounts;
    this.starts = starts;
    this.lows = lows;
    this.counts = counts;
    this.large = large;
    this.entries = entries;
    this.tokens = tokens;
    this.floor = floor;
    this.ids = new HashMap<>(forms.length * 2);
    Map<String, List<Integer>> folded = new HashMap<>();
    VietnameseFolder folder = new VietnameseFolder();
    for (int i = 0; i < forms.length; i++) {
      ids.put(forms[i], i);
      String key = folder.fold(forms[i]);
      folded.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      // the key spells kỳ as kì: people type ky, as the text writes it
      String written = folder.fold(surfaces[i].toLowerCase(java.util.Locale.ROOT));
      if (!written.equals(key)) {
        folded.computeIfAbsent(written, k -> new ArrayList<>()).add(i);
      }
    }
    this.byFolded = new HashMap<>(folded.size() * 2);
    folded.forEach(
        (k, list) ->
            byFolded.put(
                k,
                list.stream()
                    .sorted((a, b) -> Integer.compare(formCounts[b], formCounts[a]))
                    .mapToInt(Integer::intValue)
                    .toArray()));
  }

  /** An empty table. */
  public static NgramTable empty() {
    return new Builder().build(0, 0);
  }

  /** Syllable tokens counted. */
  public long tokens() {
    return tokens;
  }

  /** Syllables in the vocabulary. */
  public int vocabularySize() {
    return forms.length;
  }

  /** N-gram and case counts held. */
  public int entries() {
    return entries;
  }

  /** Heap bytes: the slots exactly, the vocabulary and its maps estimated. */
  public long bytes() {
    long b = 6L * lows.length + (starts == null ? 0 : 4L * starts.length) + 16L * large.size();
    for (int i = 0; i < forms.length; i++) {
      b += 40 + 2L * forms[i].length();
      if (surfaces[i] != forms[i]) {
        b += 40 + 2L * surfaces[i].length();
      }
    }
    // id map entry + boxed id, folded map share, count
    return b + forms.length * (48L + 16 + 40 + 4);
  }

  /** Counts at or below this were dropped while counting or merging. */
  public int floor() {
    return floor;
  }

  /** The count of a key from {@link NgramKeys}; 0 when absent. */
  public int count(long key) {
    if (starts == null) {
      return 0;
    }
    int b = (int) (key >>> LOW_BITS);
    int low = (int) key;
    for (int i = starts[b], end = starts[b + 1]; i < end; i++) {
      if (lows[i] == low) {
        char c = counts[i];
        return c == OVERFLOW ? large.get(key) : c;
      }
    }
    return 0;
  }

  /** Bits below the bucket number: a key is its bucket (20 bits), 12 zero bits, 32 low bits. */
  private static final int LOW_BITS = 44;

  private static final int BUCKETS = 1 << 20;

  private static final char OVERFLOW = 0xFFFF;

  /** The id of a syllable by exact key, or -1. */
  public int id(String form) {
    Integer id = ids.get(form);
    return id == null ? -1 : id;
  }

  /** Ids of the syllables that fold to {@code folded}, commonest first; empty when none. */
  public int[] formsOf(String folded) {
    int[] f = byFolded.get(folded);
    return f == null ? new int[0] : f;
  }

  public String form(int id) {
    return forms[id];
  }

  public String surface(int id) {
    return surfaces[id];
  }

  public int formCount(int id) {
    return formCounts[id];
  }

  /** Calls {@code visit} with every key and its count, in key order (unsigned). */
  void forEach(LongCounter.Visitor visit) {
    if (starts == null) {
      return;
    }
    for (int bucket = 0; bucket < BUCKETS; bucket++) {
      long high = (long) bucket << LOW_BITS;
      for (int i = starts[bucket]; i < starts[bucket + 1]; i++) {
        long key = high | (lows[i] & 0xFFFFFFFFL);
        visit.entry(key, counts[i] == OVERFLOW ? large.get(key) : counts[i]);
      }
    }
  }

  /**
   * This table within a budget of entries. What goes first: case counts of 1 and 2 (a capital needs
   * 3 occurrences as evidence), then, count by count, trigrams before bigrams before unigrams; the
   * last group dropped may go in part. The floor rises to the highest n-gram count dropped.
   */
  NgramTable pruned(int maxEntries) {
    if (entries <= maxEntries) {
      return this;
    }
    long[][] histogram = new long[4][64]; // [trigram, bigram, other n-gram, case][count]
    forEach((k, c) -> histogram[group(k)][Math.min(63, c)]++);
    // the groups in the order they go, as (group, count) pairs, until the budget holds
    long excess = entries - (long) maxEntries;
    long[][] drop = new long[4][64]; // how many of each (group, count) to drop
    int floor = this.floor;
    for (int c = 1; c <= 2 && excess > 0; c++) {
      long d = Math.min(excess, histogram[3][c]);
      drop[3][c] = d;
      excess -= d;
    }
    for (int c = 1; c < 63 && excess > 0; c++) {
      for (int g = 0; g < 3 && excess > 0; g++) {
        long d = Math.min(excess, histogram[g][c]);
        drop[g][c] = d;
        excess -= d;
        if (d > 0) {
          floor = Math.max(floor, c);
        }
      }
    }
    int keep = entries - (int) Arrays.stream(drop).flatMapToLong(Arrays::stream).sum();
    int[] newStarts = new int[BUCKETS + 1];
    int[] newLows = new int[keep];
    char[] newCounts = new char[keep];
    LongCounter big = new LongCounter(Integer.MAX_VALUE);
    int m = 0;
    for (int bucket = 0; bucket < BUCKETS; bucket++) {
      long high = (long) bucket << LOW_BITS;
      for (int i = starts[bucket]; i < starts[bucket + 1]; i++) {
        long key = high | (lows[i] & 0xFFFFFFFFL);
        int c = counts[i] == OVERFLOW ? large.get(key) : counts[i];
        int g = group(key);
        int level = Math.min(63, c);
        if (drop[g][level] > 0) {
          drop[g][level]--;
          continue;
        }
        newLows[m] = lows[i];
        newCounts[m] = counts[i];
        if (counts[i] == OVERFLOW) {
          big.add(key, c);
        }
        m++;
      }
      newStarts[bucket + 1] = m;
    }
    return new NgramTable(
        forms,
        surfaces,
        formCounts,
        newStarts,
        Arrays.copyOf(newLows, m),
        Arrays.copyOf(newCounts, m),
        big,
        m,
        tokens,
        floor);
  }

  /** Pruning groups: 0 trigram, 1 bigram, 2 unigram, 3 case counts. */
  private static int group(long key) {
    NgramKeys.Kind k = NgramKeys.kind(key);
    return switch (k) {
      case TRIGRAM -> 0;
      case BIGRAM -> 1;
      case UNIGRAM -> 2;
      default -> 3;
    };
  }

  /** Builds a table from counted keys and a vocabulary; a key given twice adds up. */
  static final class Builder {
    private final List<String> forms = new ArrayList<>();
    private final List<String> surfaces = new ArrayList<>();
    private final List<Integer> formCounts = new ArrayList<>();
    private long[] keys = new long[1024];
    private int[] values = new int[1024];
    private int n;

    void form(String form, String surface, int count) {
      forms.add(form);
      surfaces.add(surface == null ? form : surface);
      formCounts.add(count);
    }

    void entry(long key, int count) {
      if (n == keys.length) {
        keys = Arrays.copyOf(keys, n * 2);
        values = Arrays.copyOf(values, n * 2);
      }
      keys[n] = key;
      values[n] = count;
      n++;
    }

    NgramTable build(long tokens, int floor) {
      long[] ks = keys;
      int[] vs = values;
      boolean sorted = true;
      for (int j = 1; j < n && sorted; j++) {
        sorted = Long.compareUnsigned(ks[j - 1], ks[j]) <= 0;
      }
      if (!sorted) {
        sortUnsigned(ks, vs, n);
      }
      int[] starts = n == 0 ? null : new int[BUCKETS + 1];
      int[] lows = new int[n];
      char[] cs = new char[n];
      LongCounter big = new LongCounter(Integer.MAX_VALUE);
      int m = 0;
      for (int j = 0; j < n; ) {
        long key = ks[j];
        long sum = 0;
        while (j < n && ks[j] == key) {
          sum += vs[j++];
        }
        starts[(int) (key >>> LOW_BITS) + 1]++;
        lows[m] = (int) key;
        if (sum >= OVERFLOW) {
          cs[m] = OVERFLOW;
          big.add(key, (int) Math.min(Integer.MAX_VALUE, sum));
        } else {
          cs[m] = (char) sum;
        }
        m++;
      }
      if (starts != null) {
        for (int b = 0; b < BUCKETS; b++) {
          starts[b + 1] += starts[b];
        }
      }
      int[] fc = formCounts.stream().mapToInt(Integer::intValue).toArray();
      String[] f = forms.toArray(String[]::new);
      String[] s = surfaces.toArray(String[]::new);
      for (int i = 0; i < f.length; i++) {
        if (s[i].equals(f[i])) {
          s[i] = f[i];
        }
      }
      return new NgramTable(
          f, s, fc, starts, Arrays.copyOf(lows, m), Arrays.copyOf(cs, m), big, m, tokens, floor);
    }
  }

  /** Sorts {@code ks[0..n)} in unsigned order, moving {@code vs} along. */
  static void sortUnsigned(long[] ks, int[] vs, int n) {
    new IntroSorter() {
      private long pivot;

      @Override
      protected void swap(int i, int j) {
        long k = ks[i];
        ks[i] = ks[j];
        ks[j] = k;
        int v = vs[i];
        vs[i] = vs[j];
        vs[j] = v;
      }

      @Override
      protected int compare(int i, int j) {
        return Long.compareUnsigned(ks[i], ks[j]);
      }

      @Override
      protected void setPivot(int i) {
        pivot = ks[i];
      }

      @Override
      protected int comparePivot(int j) {
        return Long.compareUnsigned(pivot, ks[j]);
      }
    }.sort(0, n);
  }

  /** Writes the table: the vocabulary, then the entries in key order, delta-coded. */
  public void write(OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(MAGIC);
    d.writeInt(VERSION);
    d.writeLong(tokens);
    d.writeInt(floor);
    d.writeInt(forms.length);
    for (int i = 0; i < forms.length; i++) {
      d.writeUTF(forms[i]);
      d.writeUTF(surfaces[i] == forms[i] ? "" : surfaces[i]);
      writeVarLong(d, formCounts[i]);
    }
    d.writeInt(entries);
    long[] prev = {0};
    java.io.IOException[] failed = {null};
    forEach(
        (k, c) -> {
          try {
            writeVarLong(d, k - prev[0]);
            writeVarLong(d, c);
          } catch (IOException e) {
            failed[0] = e;
          }
          prev[0] = k;
        });
    if (failed[0] != null) {
      throw failed[0];
    }
    d.flush();
  }

  /** Reads what {@link #write} wrote. */
  public static NgramTable read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    if (d.readInt() != MAGIC || d.readInt() != VERSION) {
      throw new IOException("not a vnpress n-gram table, or another version");
    }
    long tokens = d.readLong();
    int floor = d.readInt();
    int n = d.readInt();
    Builder b = new Builder();
    for (int i = 0; i < n; i++) {
      String form = d.readUTF();
      String s = d.readUTF();
      b.form(form, s.isEmpty() ? form : s, (int) readVarLong(d));
    }
    int entries = d.readInt();
    long prev = 0;
    for (int i = 0; i < entries; i++) {
      long k = prev + readVarLong(d);
      b.entry(k, (int) readVarLong(d));
      prev = k;
    }
    return b.build(tokens, floor);
  }

  private static void writeVarLong(DataOutputStream d, long v) throws IOException {
    while ((v & ~0x7FL) != 0) {
      d.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    d.writeByte((int) v);
  }

  private static long readVarLong(DataInputStream d) throws IOException {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      int b = d.readUnsignedByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
  }
}
