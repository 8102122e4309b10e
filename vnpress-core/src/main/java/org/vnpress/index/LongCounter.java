package org.vnpress.index;

import java.util.Arrays;

/**
 * A counter of 64-bit keys in two flat arrays (open addressing, linear probing) that keeps to a
 * fixed number of entries: when full, it drops the keys counted least, raising {@link #floor()}, so
 * that counting a stream of any length costs bounded memory and the frequent keys stay exact.
 */
final class LongCounter {

  private final int maxEntries;
  private long[] keys;
  private int[] counts;
  private int size;
  private int floor;

  /**
   * @param maxEntries how many keys at most; the counter prunes beyond this
   */
  LongCounter(int maxEntries) {
    this.maxEntries = maxEntries;
    int cap = 1024;
    keys = new long[cap];
    counts = new int[cap];
  }

  int size() {
    return size;
  }

  /**
   * The highest count that pruning has dropped: a kept key may miss up to this many occurrences
   * from before it was kept, and a key not kept occurred at most about this often per pruning.
   */
  int floor() {
    return floor;
  }

  void add(long key, int n) {
    int mask = keys.length - 1;
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        counts[i] = saturated((long) counts[i] + n);
        return;
      }
      if (k == 0) {
        keys[i] = key;
        counts[i] = n;
        if (++size > maxEntries) {
          prune();
        } else if (size * 4L > keys.length * 3L) {
          rehash(keys.length * 2);
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  int get(long key) {
    int mask = keys.length - 1;
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return counts[i];
      }
      if (k == 0) {
        return 0;
      }
      i = (i + 1) & mask;
    }
  }

  /** Calls {@code visit} with every key and its count. */
  void forEach(Visitor visit) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        visit.entry(keys[i], counts[i]);
      }
    }
  }

  interface Visitor {
    void entry(long key, int count);
  }

  private static int saturated(long v) {
    return (int) Math.min(Integer.MAX_VALUE, v);
  }

  /** Drops the least counted keys until at most half of {@code maxEntries} remain. */
  private void prune() {
    int[] histogram = new int[64];
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        histogram[Math.min(63, counts[i])]++;
      }
    }
    int t = floor;
    long left = size;
    while (left > maxEntries / 2 && t < 62) {
      t++;
      left -= histogram[t];
    }
    int drop = t;
    floor = Math.max(floor, drop);
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length];
    counts = new int[oldCounts.length];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0 && oldCounts[i] > drop) {
        put(oldKeys[i], oldCounts[i]);
      }
    }
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[capacity];
    counts = new int[capacity];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], oldCounts[i]);
      }
    }
  }

  private void put(long key, int count) {
    int mask = keys.length - 1;
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (keys[i] != 0) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    counts[i] = count;
    size++;
  }

  /** The keys in unsigned order, and their counts beside them: {keys, counts}. */
  Object[] sorted() {
    long[] ks = new long[size];
    int[] cs = new int[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        ks[n] = keys[i];
        cs[n++] = counts[i];
      }
    }
    NgramTable.sortUnsigned(ks, cs, n);
    return new Object[] {ks, cs};
  }

  /** For tests: the counts in key order. */
  long[] sortedKeys() {
    long[] out = new long[size];
    int n = 0;
    for (long k : keys) {
      if (k != 0) {
        out[n++] = k;
      }
    }
    Arrays.sort(out);
    return out;
  }
}
