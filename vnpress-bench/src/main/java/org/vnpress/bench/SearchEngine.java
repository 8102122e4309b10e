package org.vnpress.bench;

/** Something the query bench can load with clients: vnpress in-process, over HTTP, or a peer. */
interface SearchEngine extends AutoCloseable {

  /** One client's connection; used by one thread at a time. */
  interface Client extends AutoCloseable {
    /** Runs the full query (top 10, snippets, all facets); returns the total hit count. */
    long search(QueryMix.Query q) throws Exception;

    @Override
    default void close() throws Exception {}
  }

  String name();

  Client client() throws Exception;

  @Override
  default void close() throws Exception {}
}
