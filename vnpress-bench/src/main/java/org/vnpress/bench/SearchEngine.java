package org.vnpress.bench;

/** Something the query bench can load with clients: vnpress in-process, over HTTP, or a peer. */
interface SearchEngine extends AutoCloseable {

  /** One client's connection; used by one thread at a time. */
  interface Client extends AutoCloseable {
    /**
     * Runs the full query (top 10, snippets, all facets); returns the total hit count.
     *
     * @throws Refused when the engine refuses the query as invalid (a 400)
     */
    long search(QueryMix.Query q) throws Exception;

    @Override
    default void close() throws Exception {}
  }

  /** The engine refused a query as the client's mistake (too long, too many words): a 400. */
  final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  String name();

  Client client() throws Exception;

  @Override
  default void close() throws Exception {}
}
