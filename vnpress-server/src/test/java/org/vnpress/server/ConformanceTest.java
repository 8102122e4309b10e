package org.vnpress.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vnpress.Fixtures;
import org.vnpress.index.Fields;
import org.vnpress.search.BadRequestException;
import org.vnpress.search.Cursor;
import org.vnpress.search.Hit;
import org.vnpress.search.LuceneBackend;
import org.vnpress.search.SearchBackend;
import org.vnpress.search.SearchRequest;
import org.vnpress.search.SearchResponse;

/**
 * What a search means, as golden cases over the bundled data (index-data/): the top hits, totals,
 * relaxing, facets, the first hit's snippet and title, the suggestion, and every error, for a fixed
 * list of searches. The same cases run against every backend ({@code ConformanceOpenSearchIT} for
 * the cluster), so the backends cannot drift apart.
 *
 * <p>The golden file {@code conformance.json} was written from the embedded index and read by hand;
 * {@code -Dvnpress.conformance.write=PATH} writes it anew after a deliberate change.
 */
class ConformanceTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The engine under test: the embedded index of the bundled data; subclasses test others. */
  SearchBackend backend() throws IOException {
    return new LuceneBackend(Fixtures.bundledIndex());
  }

  /** One search of the list: its text, filters and order. */
  record Case(String name, SearchRequest request) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(of("district named", "Hai Bà Trưng"));
    c.add(of("district unaccented", "hoang mai"));
    c.add(of("party number as typed", "15-NQ/TƯ"));
    c.add(of("city committee number", "15-NQ/TU"));
    c.add(of("state number", "1656/NQ-UBTVQH15"));
    c.add(of("abbreviation expanded", "Ủy ban nhân dân quận Hai Bà Trưng"));
    c.add(of("strict phrase", "Hội nghị Ban Chấp hành Đảng bộ quận"));
    c.add(of("relaxed", "hội nghị lần thứ 16 khóa XXVI quận Hai Bà Trưng"));
    c.add(of("quoted phrase", "\"mục tiêu kép\""));
    c.add(of("exclusion", "mục tiêu kép -Covid"));
    c.add(of("or", "Gia Lâm OR \"Sơn Tây\""));
    c.add(of("unaccented words", "sap xep don vi hanh chinh"));
    c.add(of("old-style tone", "Quận uỷ Hoàng Mai"));
    c.add(of("nothing found", "Vinamilk Kiếm"));
    c.add(of("landing page", ""));
    c.add(
        new Case(
            "district filter",
            SearchRequest.of("kinh tế")
                .withFilters(Map.of(Fields.DISTRICT, List.of("Hà Nội/Hoàng Mai")))));
    c.add(
        new Case(
            "year filter by date",
            new SearchRequest(
                "",
                Map.of(Fields.YEAR, List.of("2021")),
                null,
                null,
                SearchRequest.Sort.DATE,
                2,
                10,
                10)));
    c.add(
        new Case(
            "date range",
            new SearchRequest(
                "quận",
                Map.of(),
                LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31),
                SearchRequest.Sort.RELEVANCE,
                1,
                10,
                10)));
    return c.stream();
  }

  private static Case of(String name, String q) {
    return new Case(name, SearchRequest.of(q));
  }

  /**
   * The parts of an answer that every backend must give alike. In date order, releases of the same
   * day may come in any order: the top is then their dates, not their ids.
   */
  static ObjectNode canonical(SearchResponse r, SearchRequest req) {
    ObjectNode n = JSON.createObjectNode();
    n.put("total", r.total());
    n.put("totalRelation", r.totalRelation());
    n.put("relaxed", r.relaxed());
    n.put("strictTotal", r.strictTotal());
    n.put("undated", r.undated());
    n.put("partial", r.partial());
    n.put("next", r.nextCursor() != null);
    ArrayNode top = n.putArray("top");
    r.hits().stream().limit(3).map(req.byDate() ? Hit::date : Hit::id).forEach(top::add);
    if (!r.hits().isEmpty() && !req.byDate()) {
      n.put("title", r.hits().get(0).titleHtml());
      n.put("snippet", r.hits().get(0).snippet());
    }
    n.put("suggestion", r.suggestion());
    ObjectNode facets = n.putObject("facets");
    r.facets()
        .forEach(
            (dim, values) -> {
              ArrayNode a = facets.putArray(dim);
              values.stream()
                  .limit(4)
                  .forEach(v -> a.add(v.value() + "=" + v.count() + " (" + v.label() + ")"));
            });
    return n;
  }

  private static JsonNode golden() throws IOException {
    try (InputStream in =
        ConformanceTest.class.getResourceAsStream("/org/vnpress/server/conformance.json")) {
      return in == null ? JSON.createObjectNode() : JSON.readTree(in);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsTheGoldenCaseSays(Case c) throws IOException {
    // through the JSON text, as the golden file was read: numbers compare by value
    JsonNode actual =
        JSON.readTree(
            JSON.writeValueAsString(canonical(backend().search(c.request()), c.request())));
    JsonNode expected = golden().path(c.name());
    assertThat(expected.isMissingNode()).as("golden case %s exists", c.name()).isFalse();
    // field by field, so that a difference names its field
    expected
        .fieldNames()
        .forEachRemaining(
            f -> assertThat(actual.path(f)).as("%s: %s", c.name(), f).isEqualTo(expected.get(f)));
    assertThat(actual.size()).as("%s: fields", c.name()).isEqualTo(expected.size());
  }

  @Test
  void everyErrorIsABadRequestWithTheSameMessage() throws IOException {
    SearchBackend b = backend();
    String tooLong = "hội nghị ".repeat(51).strip();
    assertThatThrownBy(() -> b.search(SearchRequest.of(tooLong)))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("the query has too many words (102; at most 100): shorten it to its key words");
    assertThatThrownBy(() -> b.search(SearchRequest.of("x").withCursor(new Cursor(10_000, "z:1"))))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("cursor is not valid for this search");
    assertThatThrownBy(() -> new SearchRequest("x", Map.of(), null, null, null, 101, 100, 10))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("page × size must not exceed 10000; follow nextCursor for deeper pages");
  }

  // following the cursor of a backend gives its next page, on every backend
  @Test
  void cursorsFollowOnEveryBackend() throws IOException {
    SearchBackend b = backend();
    SearchRequest first = SearchRequest.of("quận");
    SearchResponse one = b.search(first);
    SearchResponse two = b.search(first.withCursor(Cursor.decode(one.nextCursor())));
    SearchResponse byPage =
        b.search(new SearchRequest("quận", Map.of(), null, null, null, 2, 10, 10));
    assertThat(two.hits().stream().map(Hit::id).toList())
        .isEqualTo(byPage.hits().stream().map(Hit::id).toList());
  }

  /**
   * Writes the golden file from the embedded index, after a deliberate change of what a search
   * answers: {@code java -cp <test classpath> org.vnpress.server.ConformanceTest PATH}.
   */
  public static void main(String[] args) throws IOException {
    ConformanceTest t = new ConformanceTest();
    ObjectNode all = JSON.createObjectNode();
    SearchBackend b = t.backend();
    for (Case c : cases().toList()) {
      all.set(c.name(), canonical(b.search(c.request()), c.request()));
    }
    Files.writeString(
        Path.of(args[0]), JSON.writeValueAsString(all) + "\n", StandardCharsets.UTF_8);
  }
}
