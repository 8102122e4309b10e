package org.vnpress.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.vnpress.extract.PressRelease;

/** The engine behind the HTTP API: the embedded Lucene index today, a cluster tomorrow. */
public interface SearchBackend extends Closeable {

  SearchResponse search(SearchRequest request) throws IOException;

  Optional<DocumentView> document(String id) throws IOException;

  /** Adds or replaces releases; durable and searchable when this returns. */
  IngestResult ingest(List<PressRelease> releases, List<IngestResult.Rejection> rejected)
      throws IOException;

  /** Deletes a release; false when the id is unknown. */
  boolean delete(String id) throws IOException;

  long count() throws IOException;

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
