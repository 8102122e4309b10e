package org.vnpress.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.vnpress.extract.PressRelease;

/**
 * The Lucene index of press releases: one writer, written in serialised all-or-nothing batches, and
 * one shared searcher that sees commits only. A batch that fails is rolled back to the last commit,
 * and the writer reopened.
 */
public final class PressIndex implements ReleaseWriter, Closeable {

  /** Thrown when another process holds the index. */
  public static final class InUseException extends IOException {
    public InUseException(Path dir) {
      super("the index " + dir + " is in use by another vnpress process; stop it or use --index");
    }
  }

  /** Thrown when the writer cannot take a batch: it failed and could not be reopened. */
  public static final class WriterDownException extends IOException {
    public WriterDownException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Runs the slices of one search in parallel, shared by every index in the process. Daemon
   * threads: nothing to shut down, and a search that holds none waits for none.
   */
  private static final Executor SEARCH_THREADS =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          r -> {
            Thread t = new Thread(r, "vnpress-search");
            t.setDaemon(true);
            return t;
          });

  private final Directory directory;
  private final Path where;
  private final boolean readOnly;

  /** One batch at a time; a semaphore, not a lock, so a batch may end on another thread. */
  private final Semaphore batchLock = new Semaphore(1, true);

  /** Null when read-only, or when it failed and could not be reopened yet. */
  private volatile IndexWriter writer;

  private final SearcherManager searchers;
  private final FacetsConfig facets = Fields.facetsConfig();
  private final DocumentMapper mapper = new DocumentMapper(facets);

  /** The syllable counts of the text written, for accent restoration (kept beside the index). */
  private final SyllableCounts syllables;

  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong writerErrors = new AtomicLong();

  /** Why the last batch failed in the writer itself; cleared by the next commit. */
  private volatile String writerProblem;

  private PressIndex(Directory directory, Path where, boolean readOnly) throws IOException {
    this.directory = directory;
    this.where = where;
    this.readOnly = readOnly;
    this.syllables = SyllableCounts.load(SyllableCounts.Store.in(directory));
    try {
      if (readOnly) {
        if (!DirectoryReader.indexExists(directory)) {
          throw new NoSuchFileException(where + " (no index there: run 'vnpress index PATH')");
        }
      } else {
        writer = newWriter();
        if (!DirectoryReader.indexExists(directory)) {
          // searches read commits only: a new index starts with an empty one
          writer.commit();
        }
      }
      this.searchers =
          new SearcherManager(
              directory,
              new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                  // a big query is split by segment slices over the cores: one client's wait
                  // shrinks
                  return new IndexSearcher(reader, SEARCH_THREADS);
                }
              });
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new InUseException(where);
    } catch (IOException | RuntimeException e) {
      if (writer != null) {
        writer.rollback();
      }
      directory.close();
      throw e;
    }
  }

  private IndexWriter newWriter() throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(TextFields.indexAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    // closing must never commit the half of a batch that was being written
    config.setCommitOnClose(false);
    // stored text is most of the index; only the ten shown hits are ever decompressed
    config.setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
    // newest first: date-ordered pages and the empty query stop after their first documents
    config.setIndexSort(Fields.BY_DATE);
    IndexWriter w = new IndexWriter(directory, config);
    // every commit says which layout wrote it
    w.setLiveCommitData(Map.of(Fields.SCHEMA_KEY, Fields.SCHEMA).entrySet());
    return w;
  }

  /**
   * Opens (or creates) the index in a folder. An index of an earlier layout is first rebuilt from
   * its stored records ({@link IndexUpgrade}).
   */
  public static PressIndex open(Path dir) throws IOException {
    Files.createDirectories(dir);
    IndexUpgrade.ifNeeded(dir);
    PressIndex index = new PressIndex(FSDirectory.open(dir), dir, false);
    index.spool = clearedSpool(dir.resolve(SPOOL));
    return index;
  }

  /** The folder in the index where write requests wait for their batch (see {@link Ingest}). */
  public static final String SPOOL = "requests";

  private Path spool;

  /**
   * The spool folder, emptied: a file left there belongs to a request that a crash interrupted
   * before its batch committed, so it was never acknowledged and nothing of it is lost.
   */
  private static Path clearedSpool(Path folder) throws IOException {
    Files.createDirectories(folder);
    try (var files = Files.newDirectoryStream(folder, "vnpress-request-*.jsonl")) {
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
    }
    return folder;
  }

  @Override
  public Path spoolFolder() {
    return spool;
  }

  /**
   * Opens an existing index for searching only, without its write lock: it reads the last commit,
   * also while another process (a running server) writes to it. An index of an earlier layout is
   * refused: only a writer can rebuild it.
   */
  public static PressIndex openReadOnly(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir + " (no index there: run 'vnpress index PATH')");
    }
    try (Directory d = FSDirectory.open(dir)) {
      String schema = schemaOf(d);
      if (schema != null && !schema.equals(Fields.SCHEMA)) {
        throw new IOException(
            "the index "
                + dir
                + " has layout "
                + schema
                + "; start 'vnpress serve' or run 'vnpress index' on it once to rebuild it");
      }
    }
    return new PressIndex(FSDirectory.open(dir), dir, true);
  }

  /**
   * The layout version of the index in a folder: {@link Fields#SCHEMA} for a current one, "1" for
   * one written before versions were kept, null when there is no index yet.
   */
  public static String schemaOf(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return null;
    }
    Map<String, String> data =
        org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData();
    return data.getOrDefault(Fields.SCHEMA_KEY, "1");
  }

  /**
   * An index in a given Lucene directory, closed with the index; tests wrap one to simulate faults
   * such as a full disk.
   */
  public static PressIndex open(Directory directory) throws IOException {
    return new PressIndex(directory, Path.of(directory.toString()), false);
  }

  /** An index in memory, for tests. */
  public static PressIndex inMemory() throws IOException {
    return new PressIndex(new ByteBuffersDirectory(), Path.of("(memory)"), false);
  }

  public FacetsConfig facetsConfig() {
    return facets;
  }

  /** A release made into its analysed Lucene document: the writer only has to add it. */
  /** A release made into its analysed Lucene document: the writer only has to add it. */
  public record Prepared(String id, Document doc) implements ReleaseWriter.Prepared {}

  /**
   * Maps and analyses a release, on the calling thread: a long ingest prepares the next batch while
   * the writer adds the last one.
   */
  @Override
  public Prepared prepare(PressRelease r) throws IOException {
    if (!counted(r.id())) {
      return new Prepared(r.id(), mapper.toDocument(r));
    }
    TextCounts counts = new TextCounts();
    Prepared p = new Prepared(r.id(), mapper.toDocument(r, counts));
    // counted here, on the preparing thread, not on the writer's (a long ingest's bottleneck); a
    // release prepared but never committed stays counted: the model follows the text written
    syllables.add(counts);
    return p;
  }

  /** Two threads may add documents to one batch: the writer's per-thread buffers index both. */
  @Override
  public boolean concurrentPuts() {
    return true;
  }

  /** Documents whose syllables are all counted; past them, one in {@link #COUNT_EVERY}. */
  static final long COUNT_ALL = 50_000;

  static final int COUNT_EVERY = 4;

  private final java.util.concurrent.atomic.AtomicLong prepared =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * Whether a release's syllables go into the accent model: every one of the first {@link
   * #COUNT_ALL} an index prepares, then one in {@link #COUNT_EVERY} (by id, so the same release is
   * chosen every time). Counting is a quarter of an ingest's CPU when every release is counted; the
   * model fills its budget of 7 million entries by about 45,000 news articles, and past that a
   * quarter of the releases keeps the frequencies it ranks by. (Counting only the first 20,000 and
   * a quarter of the rest cost 0.8 points of syllables on the 46,328 news articles of {@code bench
   * suggest}: 0.957 → 0.949.)
   */
  private boolean counted(String id) {
    return prepared.incrementAndGet() <= COUNT_ALL
        || Math.floorMod(id.hashCode(), COUNT_EVERY) == 0;
  }

  @Override
  public Batch begin() throws IOException {
    if (readOnly) {
      throw new IOException("the index " + where + " is open for searching only");
    }
    try {
      batchLock.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the index writer");
    }
    try {
      IndexWriter w = writer;
      if (w == null || !w.isOpen()) {
        // a failure closed it (a tragic event, or a rollback that could not reopen): try again
        writer = newWriter();
      }
      return new LuceneBatch();
    } catch (IOException | RuntimeException | Error e) {
      batchLock.release();
      writerErrors.incrementAndGet();
      writerProblem = "the index writer cannot be opened: " + describe(e);
      throw new WriterDownException(writerProblem, e);
    }
  }

  /** Writes releases as one batch and commits it; returns how many replaced a stored document. */
  public int write(List<PressRelease> releases) throws IOException {
    try (Batch b = begin()) {
      for (PressRelease r : releases) {
        b.put(prepare(r));
      }
      return b.commit().replaced();
    }
  }

  /** Deletes by id and commits; true when a document was there. */
  public boolean delete(String id) throws IOException {
    try (Batch b = begin()) {
      b.delete(id);
      return b.commit().deleted() > 0;
    }
  }

  /** One batch: holds {@link #batchLock} from {@link #begin} to commit or close. */
  private final class LuceneBatch implements Batch {
    private final IndexWriter w = writer;
    private final IndexSearcher committed = searchers.acquire();
    private final BatchLedger ledger = new BatchLedger();
    private boolean ended;

    LuceneBatch() throws IOException {}

    /** Notes, on the first touch, whether the last commit holds the id. */
    private void touch(String id) throws IOException {
      if (!ledger.knows(id)) {
        ledger.before(id, committed.count(new TermQuery(new Term(Fields.ID, id))) > 0);
      }
    }

    private void open() {
      if (ended) {
        throw new IllegalStateException("the batch has ended");
      }
    }

    @Override
    public void put(ReleaseWriter.Prepared release) throws IOException {
      open();
      if (!(release instanceof Prepared p)) {
        throw new IllegalArgumentException("not prepared by this index: " + release);
      }
      touch(p.id());
      try {
        w.updateDocument(new Term(Fields.ID, p.id()), p.doc());
      } catch (AlreadyClosedException e) {
        failed(w, e);
        // the other thread of the batch met what closed the writer (a full disk): say that
        if (w.getTragicException() instanceof IOException cause) {
          throw cause;
        }
        throw e;
      } catch (IOException | RuntimeException | Error e) {
        failed(w, e);
        throw e;
      }
      ledger.put(p.id());
    }

    @Override
    public void delete(String id) throws IOException {
      open();
      touch(id);
      try {
        w.deleteDocuments(new Term(Fields.ID, id));
      } catch (IOException | RuntimeException | Error e) {
        failed(w, e);
        throw e;
      }
      ledger.deleted(id);
    }

    @Override
    public Counts commit() throws IOException {
      open();
      try {
        w.commit();
      } catch (IOException | RuntimeException | Error e) {
        failed(w, e);
        throw e;
      }
      ended = true;
      commits.incrementAndGet();
      writerProblem = null;
      syllables.committed(SyllableCounts.Store.in(directory));
      try {
        searchers.maybeRefreshBlocking();
      } finally {
        end();
      }
      return ledger.counts();
    }

    @Override
    public void close() throws IOException {
      if (ended) {
        return;
      }
      ended = true;
      try {
        rollback(w);
      } finally {
        end();
      }
    }

    private void end() throws IOException {
      try {
        searchers.release(committed);
      } finally {
        batchLock.release();
      }
    }
  }

  /**
   * A failure inside the writer: counted, and kept for the health check until a batch commits again
   * — unless Lucene only refused the one document (it then stays usable).
   */
  private void failed(IndexWriter w, Throwable e) {
    writerErrors.incrementAndGet();
    Throwable tragic = w.getTragicException();
    if (tragic != null) {
      writerProblem =
          "the index writer failed ("
              + describe(tragic)
              + "); the batch was rolled back to the last commit";
    } else if (!(e instanceof IllegalArgumentException)) {
      writerProblem =
          "the last write failed (" + describe(e) + "); it was rolled back to the last commit";
    }
  }

  /** Back to the last commit, with a fresh writer; a writer that cannot reopen is retried later. */
  private void rollback(IndexWriter w) {
    try {
      w.rollback();
    } catch (IOException | RuntimeException e) {
      // a writer closed by a tragic event has nothing left to roll back
    }
    try {
      writer = newWriter();
    } catch (IOException | RuntimeException | Error e) {
      writer = null;
      writerErrors.incrementAndGet();
      writerProblem = "the index writer cannot be reopened: " + describe(e);
    }
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  @Override
  public State writerState() {
    String problem = writerProblem;
    IndexWriter w = writer;
    if (problem == null && !readOnly) {
      if (w == null) {
        problem = "the index writer is closed";
      } else if (w.getTragicException() != null) {
        // a merge in the background can fail too, outside any batch
        problem = "the index writer failed (" + describe(w.getTragicException()) + ")";
      }
    }
    return new State(problem, commits.get(), writerErrors.get());
  }

  /** Bytes of the index's files on disk (or in memory). */
  public long sizeInBytes() throws IOException {
    long total = 0;
    for (String f : directory.listAll()) {
      try {
        total += directory.fileLength(f);
      } catch (NoSuchFileException | java.io.FileNotFoundException e) {
        // deleted by a commit between listing and asking
      }
    }
    return total;
  }

  public SearcherManager searchers() {
    return searchers;
  }

  /** The syllable counts of the index's text, as of its last commit: the accent model's. */
  public SyllableCounts syllableCounts() {
    return syllables;
  }

  /** Number of live documents in the current searcher. */
  public int count() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return s.getIndexReader().numDocs();
    } finally {
      searchers.release(s);
    }
  }

  /**
   * Closes the index. A batch still open gets a few seconds to end; what it has not committed by
   * then is discarded, never committed.
   */
  @Override
  public void close() throws IOException {
    boolean acquired = false;
    try {
      acquired = batchLock.tryAcquire(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      searchers.close();
      IndexWriter w = writer;
      if (w != null) {
        w.close();
        syllables.close(SyllableCounts.Store.in(directory));
      }
    } finally {
      writer = null;
      directory.close();
      if (acquired) {
        batchLock.release();
      }
    }
  }
}
