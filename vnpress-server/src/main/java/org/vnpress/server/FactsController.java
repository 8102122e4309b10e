package org.vnpress.server;

import io.javalin.http.Context;
import java.io.IOException;
import org.vnpress.search.CitationView;
import org.vnpress.search.PersonView;
import org.vnpress.search.SearchBackend;

/**
 * {@code GET /api/citations?number=} (a document and the releases that cite it) and {@code GET
 * /api/people?name=} (an official's posts over time and the releases that name them).
 */
final class FactsController {

  private final SearchBackend backend;

  FactsController(SearchBackend backend) {
    this.backend = backend;
  }

  void citations(Context ctx) throws IOException {
    ctx.json(
        CitationView.of(
            backend,
            ctx.queryParam("number"),
            ctx.queryParam("edition"),
            page(ctx),
            SearchController.integer(ctx, "size", 10)));
  }

  void people(Context ctx) throws IOException {
    ctx.json(
        PersonView.of(
            backend, ctx.queryParam("name"), page(ctx), SearchController.integer(ctx, "size", 10)));
  }

  private static int page(Context ctx) {
    return SearchController.integer(ctx, "page", 1);
  }
}
