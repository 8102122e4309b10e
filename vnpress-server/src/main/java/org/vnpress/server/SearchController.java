package org.vnpress.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vnpress.index.Fields;
import org.vnpress.search.Cursor;
import org.vnpress.search.SearchBackend;
import org.vnpress.search.SearchRequest;

/** {@code GET /api/search}: reads the parameters of CONTRACT §3 and answers the search. */
final class SearchController {

  private final SearchBackend backend;

  SearchController(SearchBackend backend) {
    this.backend = backend;
  }

  void search(Context ctx) throws IOException {
    ctx.json(backend.search(request(ctx)));
  }

  static SearchRequest request(Context ctx) {
    SearchRequest r =
        request(
            ctx,
            sort(ctx.queryParam("sort")),
            integer(ctx, "page", 1),
            integer(ctx, "size", 10),
            integer(ctx, "facetLimit", SearchRequest.DEFAULT_FACET_LIMIT));
    // with a cursor (a previous answer's nextCursor) the page number is only the client's label
    String cursor = ctx.queryParam("cursor");
    return cursor == null || cursor.isBlank() ? r : r.withCursor(Cursor.decode(cursor));
  }

  /**
   * The search a request's parameters ask for (text, filters, dates), in a given order, page and
   * facet size: the export and the feed page through the same search on their own terms.
   */
  static SearchRequest request(
      Context ctx, SearchRequest.Sort sort, int page, int size, int facetLimit) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String dim : Fields.FACETS) {
      List<String> values =
          ctx.queryParams(dim).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
      if (!values.isEmpty()) {
        filters.put(dim, values);
      }
    }
    return new SearchRequest(
        ctx.queryParam("q"),
        filters,
        date(ctx, "from"),
        date(ctx, "to"),
        sort,
        page,
        size,
        facetLimit);
  }

  static SearchRequest.Sort sort(String s) {
    if (s == null || s.isBlank()) {
      return SearchRequest.Sort.RELEVANCE;
    }
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "relevance" -> SearchRequest.Sort.RELEVANCE;
      case "date" -> SearchRequest.Sort.DATE;
      default -> throw ApiException.badRequest("sort must be relevance or date");
    };
  }

  /** A whole-number parameter, Javalin's validator turning anything else into a 400. */
  static int integer(Context ctx, String name, int fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    return ctx.queryParamAsClass(name, Integer.class)
        .check(i -> i >= 0, name + " must not be negative")
        .get();
  }

  private static LocalDate date(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be an ISO date such as 2022-10-19");
    }
  }
}
