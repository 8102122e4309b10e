package org.vnpress.search;

/**
 * The bounds that keep a search fast at a million documents, part of what a search means ({@link
 * SearchPlan}); tests shrink them to exercise each path on a small index.
 *
 * @param approximateAbove above this many matches, counts are estimated from a sample and the total
 *     is a lower bound
 * @param sampleStride the sample for estimated counts: every this-many-th document
 * @param budgetMillis wall time a search may take before it answers with what it has
 */
public record SearchLimits(long approximateAbove, int sampleStride, long budgetMillis) {

  /** The product's limits: exact counts up to 100,000 matches, a sample of 1/32, one second. */
  public static final SearchLimits DEFAULT = new SearchLimits(100_000, 32, 1_000);

  /** Words a query may have and still get the whole budget. */
  public static final int FULL_BUDGET_WORDS = 16;

  /**
   * The budget of a query of {@code words} words: the whole one up to {@link #FULL_BUDGET_WORDS},
   * then shrinking with the words (64 words get a quarter), so that a pasted passage, which costs
   * most, gets least of the cores: eight clients sending 64-word passages held a 1M index for up to
   * 9.5 s each with the whole budget, while a query of a few words stays within a fraction of it.
   */
  public long budgetMillis(int words) {
    if (words <= FULL_BUDGET_WORDS) {
      return budgetMillis;
    }
    return Math.max(1, budgetMillis * FULL_BUDGET_WORDS / words);
  }

  public SearchLimits {
    if (approximateAbove < 0 || sampleStride < 1 || budgetMillis < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * A lower bound of the matches, from {@code sampled} matches among every {@code sampleStride}-th
   * document: three standard deviations below the estimate, rounded down to two significant digits,
   * so that "more than N" holds.
   */
  public long lowerBound(long sampled) {
    double low = (sampled - 3 * Math.sqrt(sampled)) * sampleStride;
    if (low <= 0) {
      return 0;
    }
    long magnitude = (long) Math.pow(10, Math.max(0, (long) Math.floor(Math.log10(low)) - 1));
    return (long) (low / magnitude) * magnitude;
  }
}
