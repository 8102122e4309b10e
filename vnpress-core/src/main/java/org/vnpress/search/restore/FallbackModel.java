package org.vnpress.search.restore;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import org.vnpress.index.NgramTable;

/**
 * The syllable counts that ship with vnpress, so that a new or small index restores accents well:
 * counted by {@code bench train-fallback} over the redistributable text (the seeds, the MIT
 * resolutions, the DANeS titles) and the shared news corpora (their counts only, never their text),
 * without the documents that the accent benchmark holds out. docs/relevance.md says what it holds
 * and how big it is.
 */
public final class FallbackModel {

  /** The resource beside this class. */
  public static final String RESOURCE = "fallback.vnlm.gz";

  private FallbackModel() {}

  private static final class Holder {
    static final NgramTable TABLE = load();
  }

  /** The shipped table, read once; empty when the resource is missing (a build without it). */
  public static NgramTable table() {
    return Holder.TABLE;
  }

  private static NgramTable load() {
    try (InputStream in = FallbackModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return NgramTable.empty();
      }
      return NgramTable.read(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException("the shipped accent model " + RESOURCE + " is unreadable", e);
    }
  }
}
