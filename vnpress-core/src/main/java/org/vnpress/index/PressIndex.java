package org.vnpress.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.vnpress.extract.PressRelease;

/**
 * The Lucene index of press releases: one writer, one shared near-real-time searcher. Adds replace
 * by id; a commit makes them durable.
 */
public final class PressIndex implements Closeable {

  /** Thrown when another process holds the index. */
  public static final class InUseException extends IOException {
    public InUseException(Path dir) {
      super("the index " + dir + " is in use by another vnpress process; stop it or use --index");
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
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final FacetsConfig facets = Fields.facetsConfig();
  private final DocumentMapper mapper = new DocumentMapper(facets);

  /** The syllable counts of the text written, for accent restoration (kept beside the index). */
  private final SyllableCounts syllables;

  private PressIndex(Directory directory, Path where) throws IOException {
    this.directory = directory;
    this.syllables = SyllableCounts.load(SyllableCounts.Store.in(directory));
    IndexWriterConfig config = new IndexWriterConfig(TextFields.indexAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    // stored text is most of the index; only the ten shown hits are ever decompressed
    config.setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
    try {
      this.writer = new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new InUseException(where);
    }
    this.searchers =
        new SearcherManager(
            writer,
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                // a big query is split by segment slices over the cores: one client's wait shrinks
                return new IndexSearcher(reader, SEARCH_THREADS);
              }
            });
  }

  /** Opens (or creates) the index in a folder. */
  public static PressIndex open(Path dir) throws IOException {
    Files.createDirectories(dir);
    return new PressIndex(FSDirectory.open(dir), dir);
  }

  /**
   * An index in a given Lucene directory, closed with the index; tests wrap one to simulate faults
   * such as a full disk.
   */
  public static PressIndex open(Directory directory) throws IOException {
    return new PressIndex(directory, Path.of(directory.toString()));
  }

  /** An index in memory, for tests. */
  public static PressIndex inMemory() throws IOException {
    return new PressIndex(new ByteBuffersDirectory(), Path.of("(memory)"));
  }

  public FacetsConfig facetsConfig() {
    return facets;
  }

  /**
   * A release made into its analysed Lucene document: the writer only has to add it. {@code
   * syllables} are its text's syllables for the language model, counted when it is written.
   */
  public record Prepared(String id, Document doc, TextCounts syllables) {}

  /**
   * Maps and analyses a release, on the calling thread: a long ingest prepares the next batch while
   * the writer adds the last one.
   */
  public Prepared prepare(PressRelease r) throws IOException {
    TextCounts syllables = new TextCounts();
    return new Prepared(r.id(), mapper.toDocument(r, syllables), syllables);
  }

  /** Adds or replaces each release; returns how many replaced an existing document. */
  public int addAll(List<PressRelease> releases) throws IOException {
    return addAll(releases, new HashSet<>());
  }

  /**
   * Adds or replaces each release; returns how many replaced an existing document.
   *
   * @param recent ids written since the searcher was last refreshed: they count as existing too,
   *     and this call adds its own, so a long run needs no refresh between batches
   */
  public int addAll(List<PressRelease> releases, Set<String> recent) throws IOException {
    List<Prepared> docs = new ArrayList<>(releases.size());
    for (PressRelease r : releases) {
      docs.add(prepare(r));
    }
    return addPrepared(docs, recent);
  }

  /** As {@link #addAll(List, Set)}, for documents already {@link #prepare prepared}. */
  public int addPrepared(List<Prepared> docs, Set<String> recent) throws IOException {
    int replaced = 0;
    IndexSearcher s = searchers.acquire();
    try {
      for (Prepared p : docs) {
        boolean existed =
            recent.contains(p.id()) || s.count(new TermQuery(new Term(Fields.ID, p.id()))) > 0;
        if (existed) {
          replaced++;
        }
        writer.updateDocument(new Term(Fields.ID, p.id()), p.doc());
        syllables.add(p.syllables());
        recent.add(p.id());
      }
    } finally {
      searchers.release(s);
    }
    return replaced;
  }

  /** Deletes by id; true when a document was there. */
  public boolean delete(String id) throws IOException {
    IndexSearcher s = searchers.acquire();
    boolean existed;
    try {
      existed = s.count(new TermQuery(new Term(Fields.ID, id))) > 0;
    } finally {
      searchers.release(s);
    }
    writer.deleteDocuments(new Term(Fields.ID, id));
    return existed;
  }

  /** Makes everything added so far durable, and visible to new searches. */
  public void commit() throws IOException {
    writer.commit();
    searchers.maybeRefreshBlocking();
    syllables.committed(SyllableCounts.Store.in(directory));
  }

  /** Makes recent changes visible to searches without the cost of a commit. */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
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

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      writer.close();
      syllables.close(SyllableCounts.Store.in(directory));
    } finally {
      directory.close();
    }
  }
}
