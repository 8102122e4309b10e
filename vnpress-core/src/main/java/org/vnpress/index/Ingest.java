package org.vnpress.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.Sources;

/**
 * The one way releases get written, for the CLI, the API and a cluster alike: every record is
 * checked against {@link ReleaseRules}, an id that comes twice keeps its last record (the earlier
 * is reported), and the rest is written through a {@link ReleaseWriter} in all-or-nothing batches.
 *
 * <ul>
 *   <li>{@link #run} (files and folders, {@code vnpress index}): a batch per commit interval, so a
 *       crash or a failure redoes at most one interval;
 *   <li>{@link #request} (one HTTP request): the records are checked and kept on disk as they
 *       arrive, without holding the writer, then written as one batch — all of them or none.
 * </ul>
 */
public final class Ingest {

  /** Documents between commits during long runs. */
  public static final int COMMIT_EVERY = 5_000;

  /** Records one request may hold: more are refused as a whole. */
  public static final int MAX_REQUEST_RECORDS = 10_000;

  /**
   * Releases a run writes on one thread before the second joins: a small ingest (the bundled data,
   * a test's) is written in its order, the same index every time, while the two threads pay off in
   * a long one. (Two threads flush their segments in whichever order they fill, so equal scores may
   * tie-break differently from one build to the next.)
   */
  static final long TWO_WRITERS_AFTER = 10_000;

  /** Releases handed to the writer thread at a time, and the characters they may hold. */
  private static final int CHUNK = 500;

  private static final long CHUNK_CHARS = 16L << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What a run did. {@code duplicates} names each record whose id came again later in the same run:
   * the later one wins, the earlier is reported here; {@code added + replaced} counts distinct ids.
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

  /** A request with more than {@link #MAX_REQUEST_RECORDS} records: nothing of it is written. */
  public static final class TooManyRecordsException extends IOException {
    public TooManyRecordsException() {
      super(
          String.format(
              Locale.ROOT,
              "a request may hold at most %,d records; split it into smaller requests",
              MAX_REQUEST_RECORDS));
    }
  }

  private final ReleaseWriter writer;
  private final Sources sources;
  private final int commitEvery;

  public Ingest(ReleaseWriter writer, Sources sources) {
    this(writer, sources, COMMIT_EVERY);
  }

  /** With another commit interval: at most this many documents are redone after a crash. */
  public Ingest(ReleaseWriter writer, Sources sources, int commitEvery) {
    if (commitEvery < 1) {
      throw new IllegalArgumentException("commit interval must be 1 or more");
    }
    this.writer = writer;
    this.sources = sources;
    this.commitEvery = commitEvery;
  }

  /** Releases after which the second writer thread joins; tests set it to 0. */
  long twoWritersAfter = TWO_WRITERS_AFTER;

  /** Writes releases already in memory as one batch, by the same rules as a request. */
  public static IngestResult write(ReleaseWriter writer, List<PressRelease> releases)
      throws IOException {
    try (Request r = request(writer)) {
      for (int i = 0; i < releases.size(); i++) {
        r.add(i, new Sources.Accepted("record " + i, releases.get(i)));
      }
      return r.apply();
    }
  }

  /** Why the writer failed, said so that a person knows what to do. */
  private static IOException writeFailed(Throwable e) {
    return new IOException(
        "writing the index failed ("
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
            + "); it keeps its last commit: fix the cause and rerun the same command",
        e);
  }

  // ------------------------------------------------------------------ files and folders

  /**
   * Reads, extracts and analyses on the calling thread while the writer threads add the previous
   * chunk (two of them where the writer allows it: its part costs more), so the work overlaps on
   * two cores. The writer thread opens a batch, commits it every {@code commitEvery} documents and
   * at the end; on any failure it rolls the open batch back, so the index keeps its last commit.
   */
  public Summary run(List<Path> paths, Progress progress) throws IOException {
    List<Sources.Rejected> rejected = new ArrayList<>();
    List<Sources.Rejected> duplicates = new ArrayList<>();
    // id → where it was read in this run, to report ids that come twice
    Map<String, String> seen = new HashMap<>();
    long[] accepted = {0};
    ExecutorService thread = writerThread("vnpress-ingest-writer");
    // a second writer thread where the writer takes two at once: the writer's part of an ingest
    // costs more than reading, extracting and analysing, so it gets both cores beside this thread
    ExecutorService second =
        writer.concurrentPuts() && commitEvery >= CHUNK
            ? writerThread("vnpress-ingest-writer-2")
            : null;
    Pipeline pipe = new Pipeline(thread, second);
    boolean done = false;
    try {
      sources.read(
          paths,
          item -> {
            String origin;
            if (item instanceof Sources.Accepted a) {
              origin = a.origin();
              PressRelease r = a.release();
              String problem = ReleaseRules.problem(r);
              if (problem != null) {
                rejected.add(new Sources.Rejected(origin, problem));
              } else {
                String earlier = seen.put(r.id(), origin);
                if (earlier != null) {
                  duplicates.add(
                      new Sources.Rejected(
                          earlier, "duplicate id " + r.id() + ": replaced by " + origin));
                }
                accepted[0]++;
                pipe.add(writer.prepare(r), earlier == null, r.body().length());
              }
            } else {
              Sources.Rejected r = (Sources.Rejected) item;
              origin = r.origin();
              rejected.add(r);
            }
            progress.update(accepted[0], rejected.size(), origin);
          });
      pipe.finish();
      done = true;
    } finally {
      if (!done) {
        // never interrupt the writer: an interrupted write closes Lucene's file and breaks the
        // index; let its chunk end, then roll the open batch back
        pipe.abandon();
      }
      thread.shutdown();
      if (second != null) {
        second.shutdown();
      }
    }
    return new Summary(pipe.added, pipe.replaced, rejected, duplicates);
  }

  private static ExecutorService writerThread(String name) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** A prepared release on its way to the writer thread. */
  private record Pending(ReleaseWriter.Prepared release, boolean counted) {}

  /**
   * Hands chunks to the writer thread, at most one written while the next one fills. Only that
   * thread touches {@link #batch} and the counts until the run ends.
   */
  private final class Pipeline {
    private final ExecutorService thread;

    /** Puts half of each part beside {@link #thread}, or null. */
    private final ExecutorService second;

    /** Releases handed to the writer so far in this run. */
    private long written;

    private List<Pending> chunk = new ArrayList<>(CHUNK);
    private long chunkChars;
    private Future<?> writing;
    private ReleaseWriter.Batch batch;

    /** Ids put in the open batch. */
    private final java.util.Set<String> batchIds = new java.util.HashSet<>();

    /** Repeats of ids that an earlier batch of this run wrote and counted already. */
    private int uncount;

    int added;
    int replaced;

    Pipeline(ExecutorService thread, ExecutorService second) {
      this.thread = thread;
      this.second = second;
    }

    void add(ReleaseWriter.Prepared r, boolean counted, long chars) throws IOException {
      chunk.add(new Pending(r, counted));
      chunkChars += chars;
      if (chunk.size() >= CHUNK || chunkChars >= CHUNK_CHARS) {
        handOver();
      }
    }

    void finish() throws IOException {
      handOver();
      awaitWriting();
      writing =
          thread.submit(
              () -> {
                commit();
                return null;
              });
      awaitWriting();
    }

    private void handOver() throws IOException {
      awaitWriting();
      if (chunk.isEmpty()) {
        return;
      }
      List<Pending> full = chunk;
      chunk = new ArrayList<>(CHUNK);
      chunkChars = 0;
      writing =
          thread.submit(
              () -> {
                write(full);
                return null;
              });
    }

    /**
     * On the writer thread: the chunk in parts that end where a commit falls (a release adds at
     * most one id), each put, then counted, then committed when the batch is full.
     */
    private void write(List<Pending> releases) throws IOException {
      try {
        int from = 0;
        while (from < releases.size()) {
          if (batch == null) {
            batch = writer.begin();
          }
          int n = Math.min(releases.size() - from, commitEvery - batchIds.size());
          List<Pending> part = releases.subList(from, from + n);
          put(part);
          for (Pending p : part) {
            if (!p.counted() && batchIds.add(p.release().id())) {
              // an id already written by an earlier batch of this run: that one counted it
              uncount++;
            }
            batchIds.add(p.release().id());
          }
          from += n;
          if (batchIds.size() >= commitEvery) {
            commit();
          }
        }
      } catch (IOException | RuntimeException e) {
        rollback();
        throw writeFailed(e);
      } catch (Error e) {
        rollback();
        throw e;
      }
    }

    /**
     * Puts releases in their order, or, with a second thread, split by id between the two: the
     * releases of one id stay on one thread in their order, so the last one wins as it does alone.
     * Both halves end before this returns, also when one fails.
     */
    private void put(List<Pending> part) throws IOException {
      ReleaseWriter.Batch b = batch;
      boolean alone = second == null || part.size() < 2 || written < twoWritersAfter;
      written += part.size();
      if (alone) {
        for (Pending p : part) {
          b.put(p.release());
        }
        return;
      }
      List<Pending> mine = new ArrayList<>(part.size() / 2 + 1);
      List<Pending> theirs = new ArrayList<>(part.size() / 2 + 1);
      for (Pending p : part) {
        ((p.release().id().hashCode() & 1) == 0 ? mine : theirs).add(p);
      }
      Future<?> other =
          second.submit(
              () -> {
                for (Pending p : theirs) {
                  b.put(p.release());
                }
                return null;
              });
      Throwable failure = null;
      try {
        for (Pending p : mine) {
          b.put(p.release());
        }
      } catch (IOException | RuntimeException | Error e) {
        failure = e;
      }
      Throwable otherFailure = settled(other);
      if (failure == null) {
        failure = otherFailure;
      }
      if (failure != null) {
        rethrow(failure);
      }
    }

    /** On the writer thread. */
    private void commit() throws IOException {
      if (batch == null) {
        return;
      }
      ReleaseWriter.Counts c;
      try {
        c = batch.commit();
      } catch (IOException | RuntimeException e) {
        rollback();
        throw writeFailed(e);
      } catch (Error e) {
        rollback();
        throw e;
      }
      added += c.added();
      replaced += c.replaced() - uncount;
      batch = null;
      batchIds.clear();
      uncount = 0;
    }

    /** On the writer thread: back to the last commit; a failure here is secondary. */
    private void rollback() {
      if (batch == null) {
        return;
      }
      try {
        batch.close();
      } catch (IOException | RuntimeException e) {
        // the index keeps its last commit whatever happens here
      }
      batch = null;
      batchIds.clear();
      uncount = 0;
    }

    /**
     * After a failure on the reading side: lets the chunk being written finish, so the writer is
     * never interrupted mid-write, then rolls the open batch back; failures here are secondary to
     * the one being thrown.
     */
    void abandon() {
      settle();
      writing =
          thread.submit(
              () -> {
                rollback();
                return null;
              });
      settle();
    }

    private void settle() {
      if (writing != null) {
        settled(writing);
        writing = null;
      }
    }

    /** Waits for the chunk being written; its failure is this run's failure. */
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
        rethrow(e.getCause());
      } finally {
        writing = null;
      }
    }
  }

  /**
   * Waits for a task without being interrupted (an interrupted write would break Lucene's file),
   * keeping the thread's interrupt for later; returns the task's failure, or null.
   */
  private static Throwable settled(Future<?> task) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          task.get();
          return null;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          return e.getCause();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A writer task's failure, thrown again as what it was. */
  private static void rethrow(Throwable failure) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    throw new IOException(failure);
  }

  // ------------------------------------------------------------------ one request

  /**
   * Starts a request to a writer: its records are checked and kept on disk until {@link
   * Request#apply}.
   */
  public static Request request(ReleaseWriter writer) throws IOException {
    return new Request(writer);
  }

  /** A request's batch failed: the index is as it was before the request. */
  public static final class WriteFailedException extends IOException {
    WriteFailedException(Throwable cause) {
      super(
          "the index could not be written ("
              + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
              + "); nothing of this request was applied",
          cause);
    }
  }

  /**
   * The records of one write request. {@link #add} checks each as it arrives and keeps the accepted
   * ones in a temporary file, so neither the heap nor the writer depends on the request's size;
   * {@link #apply} then writes them as one batch and commits it, or leaves the index as it was. The
   * file is deleted on {@link #close}.
   */
  public static final class Request implements Closeable {
    private final ReleaseWriter writer;
    private final Path spool;
    private final BufferedWriter out;
    private final Map<String, Integer> lastPosition = new HashMap<>();
    private final List<IngestResult.Rejection> rejected = new ArrayList<>();
    private int records;

    private Request(ReleaseWriter writer) throws IOException {
      this.writer = writer;
      Path folder = writer.spoolFolder();
      spool =
          folder == null
              ? Files.createTempFile("vnpress-request-", ".jsonl")
              : Files.createTempFile(folder, "vnpress-request-", ".jsonl");
      out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
    }

    /** Records seen so far, accepted or not. */
    public int records() {
      return records;
    }

    /**
     * One record of the request, at {@code position} (its 0-based line or array index), already
     * extracted or rejected by {@link Sources}.
     */
    public void add(int position, Sources.Item item) throws IOException {
      if (++records > MAX_REQUEST_RECORDS) {
        throw new TooManyRecordsException();
      }
      if (item instanceof Sources.Rejected r) {
        rejected.add(new IngestResult.Rejection(position, r.reason()));
        return;
      }
      Sources.Accepted a = (Sources.Accepted) item;
      PressRelease r = a.release();
      String problem = ReleaseRules.problem(r);
      if (problem != null) {
        rejected.add(new IngestResult.Rejection(position, problem));
        return;
      }
      Integer earlier = lastPosition.put(r.id(), position);
      if (earlier != null) {
        rejected.add(
            new IngestResult.Rejection(
                earlier, "duplicate id " + r.id() + ": replaced by " + a.origin()));
      }
      // one line a record: position, the record without its body, the body as a JSON string
      out.write(Integer.toString(position));
      out.write('\t');
      out.write(RecordCodec.encodeWithoutBody(r));
      out.write('\t');
      out.write(JSON.writeValueAsString(r.body()));
      out.write('\n');
    }

    /** Writes the accepted records as one batch: all of them are committed, or none. */
    public IngestResult apply() throws IOException {
      out.close();
      ReleaseWriter.Counts c = new ReleaseWriter.Counts(0, 0, 0);
      if (!lastPosition.isEmpty()) {
        try (BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8);
            ReleaseWriter.Batch batch = writer.begin()) {
          for (String line; (line = in.readLine()) != null; ) {
            int tab = line.indexOf('\t');
            int tab2 = line.indexOf('\t', tab + 1);
            int position = Integer.parseInt(line, 0, tab, 10);
            PressRelease r =
                RecordCodec.decode(
                    line.substring(tab + 1, tab2),
                    JSON.readValue(line.substring(tab2 + 1), String.class));
            if (lastPosition.get(r.id()) == position) {
              // else a later record of this request has the same id
              batch.put(writer.prepare(r));
            }
          }
          c = batch.commit();
        } catch (IOException | RuntimeException e) {
          throw new WriteFailedException(e);
        }
      }
      rejected.sort(Comparator.comparingInt(IngestResult.Rejection::index));
      return new IngestResult(c.added(), c.replaced(), List.copyOf(rejected));
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } finally {
        Files.deleteIfExists(spool);
      }
    }
  }
}
