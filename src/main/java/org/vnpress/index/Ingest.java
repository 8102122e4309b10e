package org.vnpress.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.Sources;

/**
 * Indexes files and folders: reads them through {@link Sources}, adds in batches, commits
 * periodically so that a crash redoes at most one commit interval, and counts what happened.
 */
public final class Ingest {

  /** Documents between commits during long runs. */
  public static final int COMMIT_EVERY = 5_000;

  private static final int BATCH = 500;

  /** What a run did. */
  public record Summary(int added, int replaced, List<Sources.Rejected> rejected) {}

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

  public Summary run(List<Path> paths, Progress progress) throws IOException {
    List<PressRelease> batch = new ArrayList<>(batchSize);
    List<Sources.Rejected> rejected = new ArrayList<>();
    int[] counts = new int[3]; // added, replaced, since last commit
    sources.read(
        paths,
        item -> {
          if (item instanceof Sources.Accepted a) {
            batch.add(a.release());
            if (batch.size() >= batchSize) {
              flush(batch, counts);
            }
          } else if (item instanceof Sources.Rejected r) {
            rejected.add(r);
          }
          progress.update(
              counts[0] + counts[1] + batch.size(),
              rejected.size(),
              item instanceof Sources.Accepted a ? a.origin() : ((Sources.Rejected) item).origin());
        });
    flush(batch, counts);
    try {
      index.commit();
    } catch (IOException e) {
      throw writeFailed(e);
    }
    return new Summary(counts[0], counts[1], rejected);
  }

  /** A write failure (a full disk, a lost mount) said so that a person knows what to do. */
  private static IOException writeFailed(IOException e) {
    return new IOException(
        "writing the index failed ("
            + e.getMessage()
            + "); it keeps its last commit: fix the cause and rerun the same command",
        e);
  }

  private void flush(List<PressRelease> batch, int[] counts) throws IOException {
    try {
      write(batch, counts);
    } catch (IOException e) {
      throw writeFailed(e);
    }
  }

  private void write(List<PressRelease> batch, int[] counts) throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    // a batch may repeat an id: the last one wins, as it would across batches
    java.util.Map<String, PressRelease> byId = new java.util.LinkedHashMap<>();
    for (PressRelease r : batch) {
      byId.remove(r.id());
      byId.put(r.id(), r);
    }
    List<PressRelease> unique = new ArrayList<>(byId.values());
    int replaced = index.addAll(unique, sinceCommit) + (batch.size() - unique.size());
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
