package org.vnpress.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vnpress.extract.Sources;

/**
 * Indexes files and folders: reads them through {@link Sources}, adds in batches, commits
 * periodically so that a crash redoes at most one commit interval, and counts what happened.
 */
public final class Ingest {

  /** Documents between commits during long runs. */
  public static final int COMMIT_EVERY = 5_000;

  private static final int BATCH = 500;

  /**
   * What a run did. {@code duplicates} names each record whose id came again later in the same run:
   * the later one wins (and counts as a replacement), the earlier is reported here.
   */
  public record Summary(
      int added, int replaced, List<Sources.Rejected> rejected, List<Sources.Rejected> duplicates) {

    public Summary(int added, int replaced, List<Sources.Rejected> rejected) {
      this(added, replaced, rejected, List.of());
    }
  }

  /** Told about progress; {@code files} and {@code bytes} let it show a bar. */
  public interface Progress {
    void update(long docs, long rejected, String origin);

    Progress NONE = (d, r, o) -> {};
  }

  private final PressIndex index;
  private final Sources sources;
  private final int commitEvery;
  private final int batchSize;

  /** Ids written since the last commit, which the searcher does not see yet. */
  private final Set<String> sinceCommit = new HashSet<>();

  public Ingest(PressIndex index, Sources sources) {
    this(index, sources, COMMIT_EVERY);
  }

  /** With another commit interval: at most this many documents are redone after a crash. */
  public Ingest(PressIndex index, Sources sources, int commitEvery) {
    if (commitEvery < 1) {
      throw new IllegalArgumentException("commit interval must be 1 or more");
    }
    this.index = index;
    this.sources = sources;
    this.commitEvery = commitEvery;
    this.batchSize = Math.min(BATCH, commitEvery);
  }

  /**
   * Reads, extracts and analyses on the calling thread while one writer thread adds the previous
   * batch to the index: the two cost about the same, so they overlap on two cores. Batches are
   * written and committed in reading order, by that one thread.
   */
  public Summary run(List<Path> paths, Progress progress) throws IOException {
    List<Sources.Rejected> rejected = new ArrayList<>();
    List<Sources.Rejected> duplicates = new ArrayList<>();
    // id → where it was read in this run, to report ids that come twice
    java.util.Map<String, String> seen = new java.util.HashMap<>();
    int[] counts = new int[3]; // added, replaced, since last commit: the writer thread's
    long[] accepted = {0};
    ExecutorService writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "vnpress-ingest-writer");
              t.setDaemon(true);
              return t;
            });
    Pipeline pipe = new Pipeline(writer, counts);
    try {
      sources.read(
          paths,
          item -> {
            if (item instanceof Sources.Accepted a) {
              String earlier = seen.put(a.release().id(), a.origin());
              if (earlier != null) {
                duplicates.add(
                    new Sources.Rejected(
                        earlier,
                        "duplicate id " + a.release().id() + ": replaced by " + a.origin()));
              }
              accepted[0]++;
              pipe.add(index.prepare(a.release()));
            } else if (item instanceof Sources.Rejected r) {
              rejected.add(r);
            }
            progress.update(
                accepted[0],
                rejected.size(),
                item instanceof Sources.Accepted a
                    ? a.origin()
                    : ((Sources.Rejected) item).origin());
          });
      pipe.finish();
    } finally {
      // never interrupt the writer: an interrupted write closes Lucene's file and breaks the index
      pipe.settle();
      writer.shutdown();
    }
    try {
      index.commit();
    } catch (IOException e) {
      throw writeFailed(e);
    }
    return new Summary(counts[0], counts[1], rejected, duplicates);
  }

  /** Hands full batches to the writer thread, at most one written while the next one fills. */
  private final class Pipeline {
    private final ExecutorService writer;
    private final int[] counts;
    private List<PressIndex.Prepared> batch = new ArrayList<>(batchSize);
    private Future<?> writing;

    Pipeline(ExecutorService writer, int[] counts) {
      this.writer = writer;
      this.counts = counts;
    }

    void add(PressIndex.Prepared r) throws IOException {
      batch.add(r);
      if (batch.size() >= batchSize) {
        handOver();
      }
    }

    void finish() throws IOException {
      handOver();
      awaitWriting();
    }

    private void handOver() throws IOException {
      awaitWriting();
      if (batch.isEmpty()) {
        return;
      }
      List<PressIndex.Prepared> full = batch;
      batch = new ArrayList<>(batchSize);
      writing =
          writer.submit(
              () -> {
                flush(full, counts);
                return null;
              });
    }

    /**
     * After a failure elsewhere: lets the batch being written finish, so the index is left as a
     * whole batch or none; its own failure, if any, is secondary to the one being thrown.
     */
    void settle() {
      if (writing == null) {
        return;
      }
      boolean interrupted = false;
      while (true) {
        try {
          writing.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          break;
        }
      }
      writing = null;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    /** Waits for the batch being written; its failure is this run's failure. */
    private void awaitWriting() throws IOException {
      if (writing == null) {
        return;
      }
      try {
        writing.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while indexing");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IOException(e.getCause());
      } finally {
        writing = null;
      }
    }
  }

  /** A write failure (a full disk, a lost mount) said so that a person knows what to do. */
  private static IOException writeFailed(IOException e) {
    return new IOException(
        "writing the index failed ("
            + e.getMessage()
            + "); it keeps its last commit: fix the cause and rerun the same command",
        e);
  }

  private void flush(List<PressIndex.Prepared> batch, int[] counts) throws IOException {
    try {
      write(batch, counts);
    } catch (IOException e) {
      throw writeFailed(e);
    }
  }

  private void write(List<PressIndex.Prepared> batch, int[] counts) throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    // a batch may repeat an id: the last one wins, as it would across batches
    java.util.Map<String, PressIndex.Prepared> byId = new java.util.LinkedHashMap<>();
    for (PressIndex.Prepared r : batch) {
      byId.remove(r.id());
      byId.put(r.id(), r);
    }
    List<PressIndex.Prepared> unique = new ArrayList<>(byId.values());
    int replaced = index.addPrepared(unique, sinceCommit) + (batch.size() - unique.size());
    counts[0] += batch.size() - replaced;
    counts[1] += replaced;
    counts[2] += batch.size();
    batch.clear();
    if (counts[2] >= commitEvery) {
      // the commit refreshes the searcher, which now sees every id written so far
      index.commit();
      counts[2] = 0;
      sinceCommit.clear();
    }
  }
}
