package org.vnpress.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import org.vnpress.search.Completion;
import org.vnpress.search.SearchBackend;

/** {@code GET /api/suggest?q=}: completions of what is being typed in the search box. */
final class SuggestController {

  static final int DEFAULT_LIMIT = 8;

  private final SearchBackend backend;

  SuggestController(SearchBackend backend) {
    this.backend = backend;
  }

  /** The answer: the typed text and its completions, best first. */
  record Suggestions(String query, List<Completion> suggestions, long tookMs) {}

  void suggest(Context ctx) throws IOException {
    long t0 = System.nanoTime();
    String q = ctx.queryParam("q");
    q = q == null ? "" : q;
    int limit = SearchController.integer(ctx, "limit", DEFAULT_LIMIT);
    List<Completion> found = backend.complete(q, limit);
    ctx.json(new Suggestions(q, found, (System.nanoTime() - t0) / 1_000_000));
  }
}
