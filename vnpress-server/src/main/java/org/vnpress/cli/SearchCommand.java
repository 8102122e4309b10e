package org.vnpress.cli;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vnpress.index.Fields;
import org.vnpress.index.PressIndex;
import org.vnpress.search.Hit;
import org.vnpress.search.LuceneBackend;
import org.vnpress.search.SearchRequest;
import org.vnpress.search.SearchResponse;
import org.vnpress.server.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vnpress search QUERY}: the API's search, for a terminal or as JSON. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search the index, as the API does.")
final class SearchCommand implements Callable<Integer> {

  @Mixin IndexOption index;

  @Option(names = "--district", description = "district facet value, e.g. \"Hà Nội/Hoàng Mai\"")
  List<String> districts = List.of();

  @Option(names = "--quarter", description = "quarter, e.g. 2022-Q4")
  List<String> quarters = List.of();

  @Option(names = "--size", description = "hits to show (default: ${DEFAULT-VALUE})")
  int size = 10;

  @Option(names = "--json", description = "print the API's JSON")
  boolean json;

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "words to search for")
  List<String> words = List.of();

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(index.resolve())) {
      throw new IllegalStateException(
          "no index at " + index.resolve() + ": run 'vnpress index PATH' first");
    }
    Map<String, List<String>> filters = new LinkedHashMap<>();
    if (!districts.isEmpty()) {
      filters.put(Fields.DISTRICT, districts);
    }
    if (!quarters.isEmpty()) {
      filters.put(Fields.QUARTER, quarters);
    }
    SearchRequest req =
        new SearchRequest(
            String.join(" ", words),
            filters,
            null,
            null,
            SearchRequest.Sort.RELEVANCE,
            1,
            size,
            SearchRequest.DEFAULT_FACET_LIMIT);
    // read-only, without the write lock: a running server may hold the index
    try (LuceneBackend backend = new LuceneBackend(PressIndex.openReadOnly(index.resolve()))) {
      SearchResponse r = backend.search(req);
      if (json) {
        System.out.println(App.json().writeValueAsString(r));
      } else {
        print(r);
      }
    }
    return 0;
  }

  private static void print(SearchResponse r) {
    System.out.printf("%d results (%d ms)%n", r.total(), r.tookMs());
    if (r.suggestion() != null) {
      System.out.println("Có phải bạn muốn tìm: " + r.suggestion());
    }
    int n = 0;
    for (Hit h : r.hits()) {
      System.out.printf(
          "%n%d. %s%n   %s  %s%n   %s%n",
          ++n,
          h.title(),
          h.date() == null ? "(không rõ ngày)" : h.date(),
          h.id(),
          h.snippet().replace("<mark>", "[").replace("</mark>", "]"));
    }
  }
}
