package org.vnpress.search;

/**
 * The time one search may take. The work stops where it is when the time is up and the answer says
 * it is partial: no request may hold the cores for seconds (issue 14). Shared by the threads that
 * run one search's segments.
 */
public final class Budget {

  private final long deadline;
  private volatile boolean exceeded;

  private Budget(long deadline) {
    this.deadline = deadline;
  }

  /** A budget of {@code millis} from now. */
  public static Budget ofMillis(long millis) {
    return new Budget(System.nanoTime() + millis * 1_000_000L);
  }

  /** No limit: for work that must finish (indexing, tests that count). */
  public static Budget unlimited() {
    return new Budget(Long.MAX_VALUE);
  }

  /**
   * A budget for the next step of the same search: what is left of this one, but at least {@code
   * minMillis}, so that a search whose counting ran out of time still finds its top hits.
   */
  public Budget next(long minMillis) {
    if (deadline == Long.MAX_VALUE) {
      return this;
    }
    long floor = System.nanoTime() + minMillis * 1_000_000L;
    return new Budget(deadline - floor > 0 ? deadline : floor);
  }

  /** True once the time is up; remembers it, so the answer can say so. */
  public boolean exceeded() {
    if (!exceeded && deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
      exceeded = true;
    }
    return exceeded;
  }

  /** True when the time ran out at some check so far. */
  public boolean wasExceeded() {
    return exceeded;
  }

  /** Milliseconds left, at least 1: what a backend passes on as its own timeout. */
  public long remainingMillis() {
    if (deadline == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    return Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
  }
}
