package org.vnpress.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.vnpress.extract.District;
import org.vnpress.extract.DocumentRef;
import org.vnpress.search.Cursor;
import org.vnpress.search.Hit;
import org.vnpress.search.SearchBackend;
import org.vnpress.search.SearchRequest;
import org.vnpress.search.SearchResponse;

/**
 * {@code GET /api/export?format=csv|json}: the results of a search (its parameters as {@code
 * /api/search} takes them), up to 10,000, streamed page by page as they are found.
 */
final class ExportController {

  /** The most rows one export gives: as deep as a search can page. */
  static final int MAX_ROWS = SearchRequest.MAX_DEPTH;

  /** The CSV columns, in order. */
  static final List<String> COLUMNS =
      List.of(
          "id",
          "title",
          "date",
          "quarter",
          "districts",
          "documents",
          "source",
          "url",
          "link",
          "snippet");

  private static final int PAGE = SearchRequest.MAX_SIZE;
  private static final ObjectMapper JSON = App.json();

  private final SearchBackend backend;

  ExportController(SearchBackend backend) {
    this.backend = backend;
  }

  void export(Context ctx) throws IOException {
    String format = ctx.queryParam("format");
    format = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
    if (!format.equals("csv") && !format.equals("json")) {
      throw ApiException.badRequest("format must be csv or json");
    }
    int limit = SearchController.integer(ctx, "limit", MAX_ROWS);
    if (limit < 1 || limit > MAX_ROWS) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_ROWS);
    }
    SearchRequest.Sort sort = SearchController.sort(ctx.queryParam("sort"));
    // the first page is searched before a byte is sent: a bad request still gets its JSON error
    SearchResponse first = backend.search(SearchController.request(ctx, sort, 1, PAGE, 1));
    Pages pages = new Pages(ctx, sort, first, limit);
    String base = Links.base(ctx);
    ctx.header("Cache-Control", "no-store");
    if (format.equals("csv")) {
      ctx.contentType("text/csv; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"vnpress.csv\"");
      csv(ctx.outputStream(), pages, base);
    } else {
      ctx.contentType("application/json; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"vnpress.json\"");
      json(ctx.outputStream(), pages);
    }
  }

  /** The hits of a search, page after page, up to a limit. */
  private final class Pages {
    private final Context ctx;
    private final SearchRequest.Sort sort;
    private final int limit;
    private SearchResponse page;
    private int number = 1;
    private int given;

    Pages(Context ctx, SearchRequest.Sort sort, SearchResponse first, int limit) {
      this.ctx = ctx;
      this.sort = sort;
      this.page = first;
      this.limit = limit;
    }

    /** The page after {@code last}: from its cursor when the backend gives one (no re-counting). */
    private SearchRequest following(SearchResponse last) {
      SearchRequest r = SearchController.request(ctx, sort, ++number, PAGE, 1);
      return last.nextCursor() == null ? r : r.withCursor(Cursor.decode(last.nextCursor()));
    }

    /** The next page's hits (cut at the limit), or null after the last. */
    List<Hit> next() throws IOException {
      if (page == null) {
        return null;
      }
      List<Hit> hits = page.hits();
      if (given + hits.size() > limit) {
        hits = hits.subList(0, limit - given);
      }
      given += hits.size();
      boolean more =
          page.hits().size() == PAGE && given < limit && (long) (number + 1) * PAGE <= MAX_ROWS;
      page = more ? backend.search(following(page)) : null;
      return hits.isEmpty() && page == null ? null : hits;
    }
  }

  private static void csv(OutputStream out, Pages pages, String base) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    // a byte-order mark: spreadsheet programs then read the file as UTF-8, not the local code page
    w.write('\uFEFF');
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();
    try (CSVPrinter csv = new CSVPrinter(w, format)) {
      for (List<Hit> hits = pages.next(); hits != null; hits = pages.next()) {
        for (Hit h : hits) {
          csv.printRecord(
              h.id(),
              h.title(),
              h.date(),
              h.quarter(),
              h.districts().stream().map(District::value).collect(Collectors.joining("; ")),
              h.documents().stream().map(DocumentRef::value).collect(Collectors.joining("; ")),
              h.source(),
              h.url(),
              base + "/?doc=" + URLEncoder.encode(h.id(), StandardCharsets.UTF_8),
              plainText(h.snippet()));
        }
        // each page goes out as it is found
        csv.flush();
      }
    }
  }

  private static void json(OutputStream out, Pages pages) throws IOException {
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartArray();
      for (List<Hit> hits = pages.next(); hits != null; hits = pages.next()) {
        for (Hit h : hits) {
          JSON.writeValue(g, h);
        }
        g.flush();
      }
      g.writeEndArray();
    }
  }

  /** A snippet without its marks: the text as a reader sees it. */
  static String plainText(String snippetHtml) {
    if (snippetHtml == null) {
      return "";
    }
    return snippetHtml
        .replace("<mark>", "")
        .replace("</mark>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
