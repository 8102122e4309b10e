package org.vnpress.index;

import java.io.Closeable;
import java.io.IOException;
import org.vnpress.extract.PressRelease;

/**
 * Where releases are written — the local index or a cluster — one all-or-nothing batch at a time.
 * Every write of vnpress (the CLI, the API, {@code --backend}) goes through {@link Ingest}, which
 * validates the records and then writes them here.
 */
public interface ReleaseWriter {

  /**
   * How the writer is doing, for a health check and metrics.
   *
   * @param problem null when writes work; else why the last one failed in the writer, until a later
   *     batch commits
   * @param commits batches committed since the writer was opened
   * @param errors failures inside the writer since then (each rolled its batch back)
   */
  record State(String problem, long commits, long errors) {
    public boolean ok() {
      return problem == null;
    }
  }

  /** The writer's state now. */
  State writerState();

  /** A release made ready for the writer (analysed, mapped), the part that needs no lock. */
  interface Prepared {
    String id();
  }

  /**
   * Maps a release to what the writer stores, on the calling thread: a long ingest prepares the
   * next releases while the writer adds the last ones.
   */
  Prepared prepare(PressRelease release) throws IOException;

  /**
   * Where a request's records wait until its batch is written: a folder of this writer's own,
   * cleared of what a crash left there when the writer opens, or null for the system's temporary
   * folder.
   */
  default java.nio.file.Path spoolFolder() {
    return null;
  }

  /**
   * Whether {@link Batch#put} may be called from two threads at once, for different ids: a Lucene
   * writer then indexes on both cores. False unless a writer says so.
   */
  default boolean concurrentPuts() {
    return false;
  }

  /**
   * Starts a batch, waiting while another one is open: writes are serialised, so a batch that rolls
   * back undoes only itself.
   */
  Batch begin() throws IOException;

  /**
   * Adds, replacements and deletions that become durable and visible together at {@link #commit},
   * or not at all: closing a batch that was not committed undoes everything it did.
   */
  interface Batch extends Closeable {

    /** Adds or replaces by id. */
    void put(Prepared release) throws IOException;

    /** Deletes by id (nothing happens when the id is unknown). */
    void delete(String id) throws IOException;

    /** Makes the batch durable and visible to searches, ends it and says what it changed. */
    Counts commit() throws IOException;

    /** Ends the batch; without a commit, undoes all of it. */
    @Override
    void close() throws IOException;
  }

  /**
   * What a committed batch changed, per distinct id, against the index before the batch: {@code
   * added} ids were not there and are now, {@code replaced} were there and were written again,
   * {@code deleted} were there and are gone.
   */
  record Counts(int added, int replaced, int deleted) {}
}
