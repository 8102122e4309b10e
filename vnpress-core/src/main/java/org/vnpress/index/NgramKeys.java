package org.vnpress.index;

/**
 * Keys of syllables and syllable n-grams, so that counts from different times, segments or machines
 * add up by key without a shared vocabulary. A key is a hash of the syllables' exact keys and a
 * kind (unigram, bigram, trigram, case counters), 52 bits kept: a collision among ten million
 * n-grams is unlikely (about 1 in 100) and harmless (two counts add up).
 */
public final class NgramKeys {

  /** What a key counts. */
  public enum Kind {
    /** Occurrences of one syllable. */
    UNIGRAM,
    /** Occurrences of two syllables side by side. */
    BIGRAM,
    /** Occurrences of three syllables side by side. */
    TRIGRAM,
    /** Occurrences of a syllable whose case says something (not sentence-initial, not all caps). */
    CASE_KNOWN,
    /** Of those, capitalized ones. */
    CAPITALIZED,
    /** Bigram occurrences whose first syllable is capitalized (and its case says something). */
    CAPITALIZED_FIRST,
    /** Bigram occurrences whose first syllable's case says nothing (sentence start, all caps). */
    CASE_UNKNOWN_FIRST,
    /** Bigram occurrences whose second syllable is capitalized. */
    CAPITALIZED_SECOND
  }

  private static final long[] SALT = new long[Kind.values().length];

  static {
    long s = 0x5DEECE66DL;
    for (int i = 0; i < SALT.length; i++) {
      s = mix(s + 0x9E3779B97F4A7C15L);
      SALT[i] = s;
    }
  }

  private NgramKeys() {}

  /** The hash of one syllable's exact key. */
  public static long syllable(CharSequence s) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001B3L;
    }
    return mix(h);
  }

  /** As {@link #syllable(CharSequence)}, for {@code s[from..to)}. */
  static long syllable(char[] s, int from, int to) {
    long h = 0xCBF29CE484222325L;
    for (int i = from; i < to; i++) {
      h = (h ^ s[i]) * 0x100000001B3L;
    }
    return mix(h);
  }

  public static long of(Kind kind, long a) {
    return key(kind, mix(a ^ SALT[kind.ordinal()]));
  }

  public static long of(Kind kind, long a, long b) {
    return key(kind, mix(mix(a ^ SALT[kind.ordinal()]) + b));
  }

  public static long of(Kind kind, long a, long b, long c) {
    return key(kind, mix(mix(mix(a ^ SALT[kind.ordinal()]) + b) + c));
  }

  /** Bits of a key that {@link NgramTable} keeps: the top 20 (its bucket) and the low 32. */
  static final long KEPT = 0xFFFFF000FFFFFFFFL;

  /**
   * A key of 52 bits (the table stores no more: among ten million keys a collision is still
   * unlikely) whose low 3 bits say its kind, so that pruning can treat kinds apart; never 0.
   */
  private static long key(Kind kind, long h) {
    long k = ((h & ~7L) | kind.ordinal()) & KEPT;
    return k == 0 ? 8 : k;
  }

  /** The kind of a key from {@link #of}. */
  static Kind kind(long key) {
    return KINDS[(int) (key & 7)];
  }

  private static final Kind[] KINDS = Kind.values();

  /** The splitmix64 finalizer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
