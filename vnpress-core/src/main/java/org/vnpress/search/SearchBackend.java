package org.vnpress.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.Ingest;
import org.vnpress.index.IngestResult;
import org.vnpress.index.ReleaseWriter;

/**
 * The engine behind the HTTP API: the embedded Lucene index today, a cluster tomorrow. It is
 * written in all-or-nothing batches ({@link ReleaseWriter}), always through {@link Ingest}.
 */
public interface SearchBackend extends ReleaseWriter, Closeable {

  SearchResponse search(SearchRequest request) throws IOException;

  Optional<DocumentView> document(String id) throws IOException;

  /**
   * Adds or replaces releases as one batch, checked as every write is; durable and searchable when
   * this returns.
   */
  default IngestResult ingest(List<PressRelease> releases) throws IOException {
    return Ingest.write(this, releases);
  }

  /** Deletes a release, durably; false when the id is unknown. */
  boolean delete(String id) throws IOException;

  long count() throws IOException;

  /** Bytes the index takes, or -1 when the backend cannot tell. */
  default long sizeInBytes() throws IOException {
    return -1;
  }

  /**
   * Completions of what a user is typing: districts, document numbers and frequent phrases that
   * start with {@code prefix}, accent-insensitive, best first. A backend without them answers none.
   */
  default List<Completion> complete(String prefix, int limit) throws IOException {
    return List.of();
  }

  /**
   * Builds what the first search would otherwise build while a user waits (facet state, labels,
   * compiled code paths). A server calls it on a background thread as it starts.
   */
  default void warmUp() throws IOException {}
}
