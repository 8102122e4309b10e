package org.vnpress.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.vnpress.index.Ingest;

/**
 * Progress of a long indexing run: a live line on a terminal, a line every few seconds otherwise.
 */
final class ProgressLine implements Ingest.Progress {
  private final PrintStream out;
  private final boolean terminal = System.console() != null;
  private final long start = System.nanoTime();
  private long lastPrint = start;
  private long docs;

  ProgressLine(PrintStream out) {
    this.out = out;
  }

  @Override
  public void update(long docs, long rejected, String origin) {
    this.docs = docs;
    long now = System.nanoTime();
    long every = terminal ? 200_000_000L : 5_000_000_000L;
    if (now - lastPrint < every) {
      return;
    }
    lastPrint = now;
    String line = line(docs, rejected, now);
    if (terminal) {
      out.print("\r" + line + "   ");
    } else {
      out.println(line);
    }
    out.flush();
  }

  private String line(long docs, long rejected, long now) {
    double secs = Math.max((now - start) / 1e9, 1e-3);
    return String.format(
        Locale.ROOT,
        "indexing: %,d documents, %,d rejected, %.0f docs/s, %.0f s",
        docs,
        rejected,
        docs / secs,
        secs);
  }

  void finish() {
    if (terminal && docs > 0) {
      out.print("\r");
      out.println(line(docs, 0, System.nanoTime()));
    }
  }
}
