package org.vnpress.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnpress.search.SearchBackend;

/**
 * The search page itself ({@code GET /}), and the page's own 404: an unknown path, or a document
 * link ({@code /?doc=ID}) whose id the index does not hold, answers 404 with a Vietnamese HTML
 * page.
 */
final class PageController {

  private static final Logger LOG = LoggerFactory.getLogger(PageController.class);

  private static final byte[] INDEX = resource("/web/index.html");
  private static final byte[] NOT_FOUND = resource("/web/404.html");

  private final SearchBackend backend;

  PageController(SearchBackend backend) {
    this.backend = backend;
  }

  void page(Context ctx) {
    String doc = ctx.queryParam("doc");
    if (doc != null && !doc.isBlank() && !exists(doc)) {
      notFound(ctx);
      return;
    }
    ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result(INDEX);
  }

  /**
   * Whether the document exists; when the backend cannot say, the page loads and tells its error.
   */
  private boolean exists(String id) {
    try {
      return backend.document(id).isPresent();
    } catch (IOException | RuntimeException e) {
      LOG.warn("looking up document {} for the page failed: {}", id, e.toString());
      return true;
    }
  }

  /** The 404 page as the answer of this request. */
  static void notFound(Context ctx) {
    ctx.status(404).contentType("text/html; charset=utf-8").result(NOT_FOUND);
  }

  private static byte[] resource(String path) {
    try (InputStream in = PageController.class.getResourceAsStream(path)) {
      // absent only in a build without the web page: the API still works
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
