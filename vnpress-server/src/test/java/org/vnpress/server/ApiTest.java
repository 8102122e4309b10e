package org.vnpress.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.search.LuceneBackend;
import org.vnpress.search.SearchBackend;

/** The HTTP API on the real app, over an in-memory index of the seeds. */
class ApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "test-token-1234";

  /** The engine under test: the embedded index of the seeds; subclasses test other backends. */
  SearchBackend backend() throws IOException {
    return new LuceneBackend(Fixtures.seedIndex());
  }

  Javalin app(String token) throws IOException {
    return App.create(backend(), new Sources(Extractor.standard()), ServerConfig.local(0, token));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode json(Response r) throws IOException {
    return JSON.readTree(r.body().string());
  }

  private static List<String> ids(JsonNode search) {
    List<String> ids = new ArrayList<>();
    search.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  @Test
  void healthCountsDocuments() throws IOException {
    JavalinTest.test(
        app(null),
        (server, client) -> {
          Response r = client.get("/api/health");
          assertThat(r.code()).isEqualTo(200);
          assertThat(json(r).get("status").asText()).isEqualTo("ok");
          assertThat(json(client.get("/api/health")).get("documents").asInt()).isEqualTo(5);
        });
  }

  @Test
  void searchAnswersInTheContractShape() throws IOException {
    JavalinTest.test(
        app(null),
        (server, client) -> {
          JsonNode r = json(client.get("/api/search?q=" + enc("Hai Bà Trưng")));
          assertThat(ids(r)).first().isEqualTo(Fixtures.SEED_000);
          JsonNode hit = r.get("hits").get(0);
          assertThat(hit.get("date").asText()).isEqualTo("2022-10-19");
          assertThat(hit.get("datePrecision").asText()).isEqualTo("day");
          assertThat(hit.get("quarter").asText()).isEqualTo("2022-Q4");
          assertThat(hit.get("snippet").asText()).contains("<mark>");
          for (String key :
              List.of("query", "total", "page", "size", "tookMs", "suggestion", "hits", "facets")) {
            assertThat(r.has(key)).as(key).isTrue();
          }
        });
  }

  @Test
  void hoangMaiRanksSeed001First() throws IOException {
    JavalinTest.test(
        app(null),
        (server, client) ->
            assertThat(ids(json(client.get("/api/search?q=" + enc("Hoàng Mai")))))
                .first()
                .isEqualTo(Fixtures.SEED_001));
  }

  @Test
  void quarterFilterAndFacets() throws IOException {
    JavalinTest.test(
        app(null),
        (server, client) -> {
          JsonNode r = json(client.get("/api/search?quarter=2022-Q4"));
          assertThat(ids(r))
              .containsExactlyInAnyOrder(Fixtures.SEED_000, Fixtures.SEED_001, Fixtures.SEED_003);
          assertThat(r.get("facets").get("quarter").toString())
              .isEqualTo(
                  "[{\"value\":\"2022-Q3\",\"label\":\"Quý III/2022\",\"count\":1},"
                      + "{\"value\":\"2022-Q4\",\"label\":\"Quý IV/2022\",\"count\":3}]");
        });
  }

  @Test
  void badParametersAre400Json() throws IOException {
    JavalinTest.test(
        app(null),
        (server, client) -> {
          for (String q :
              List.of(
                  "size=1000",
                  "page=abc",
                  "from=notadate",
                  "sort=sideways",
                  "page=0",
                  "page=2000")) {
            Response r = client.get("/api/search?" + q);
            assertThat(r.code()).as(q).isEqualTo(400);
            JsonNode e = json(r);
            assertThat(e.get("error").asText()).as(q).isEqualTo("bad_request");
            assertThat(e.get("message").asText()).as(q).isNotBlank();
          }
          Response tooLong = client.get("/api/search?q=" + "a".repeat(1001));
          assertThat(tooLong.code()).isEqualTo(400);
        });
  }

  @Test
  void unknownDocumentAndEndpointAre404Json() throws IOException {
    JavalinTest.test(
        app(null),
        (server, client) -> {
          Response doc = client.get("/api/documents/nope");
          assertThat(doc.code()).isEqualTo(404);
          assertThat(json(doc).get("error").asText()).isEqualTo("not_found");
          Response api = client.get("/api/nothing-here");
          assertThat(api.code()).isEqualTo(404);
          assertThat(json(api).get("error").asText()).isEqualTo("not_found");
        });
  }

  @Test
  void documentHasBodyAndExtractedDetails() throws IOException {
    JavalinTest.test(
        app(null),
        (server, client) -> {
          JsonNode d = json(client.get("/api/documents/" + Fixtures.SEED_000));
          assertThat(d.get("body").asText()).startsWith("(NSHN) - Sáng 19-10");
          assertThat(d.get("extracted").get("author").asText()).isEqualTo("Đình Hiệp");
        });
  }

  @Test
  void writesAreOffWithoutAToken() throws IOException {
    JavalinTest.test(
        app(null),
        (server, client) -> {
          Response r = client.post("/api/documents", "{\"body\":\"x\"}");
          assertThat(r.code()).isEqualTo(403);
          assertThat(json(r).get("message").asText()).contains("VNPRESS_TOKEN");
        });
  }

  @Test
  void writesNeedTheRightToken() throws IOException {
    JavalinTest.test(
        app(TOKEN),
        (server, client) -> {
          assertThat(client.post("/api/documents", "{\"body\":\"x\"}").code()).isEqualTo(401);
          Response wrong =
              client.post(
                  "/api/documents",
                  "{\"body\":\"x\"}",
                  b -> b.header("Authorization", "Bearer nope"));
          assertThat(wrong.code()).isEqualTo(401);
          assertThat(client.delete("/api/documents/" + Fixtures.SEED_000).code()).isEqualTo(401);
        });
  }

  @Test
  void postedDocumentIsSearchableAndDeletedOneDisappears() throws IOException {
    JavalinTest.test(
        app(TOKEN),
        (server, client) -> {
          String ndjson =
              "{\"id\":\"n1\",\"title\":\"Quận Cầu Giấy họp báo\",\"body\":\"Sáng nay quận Cầu Giấy tổ chức họp báo về chuyển đổi số.\",\"date\":\"2023-05-02\"}\n"
                  + "{\"id\":\"n2\",\"title\":\"Thiếu nội dung\"}\n";
          Response posted =
              client.post(
                  "/api/documents", ndjson, b -> b.header("Authorization", "Bearer " + TOKEN));
          assertThat(posted.code()).isEqualTo(200);
          JsonNode answer = json(posted);
          assertThat(answer.get("added").asInt()).isEqualTo(1);
          assertThat(answer.get("replaced").asInt()).isEqualTo(0);
          assertThat(answer.get("rejected").get(0).get("index").asInt()).isEqualTo(1);
          assertThat(ids(json(client.get("/api/search?q=" + enc("\"chuyển đổi số\"")))))
              .containsExactly("n1");

          Response del =
              client.delete(
                  "/api/documents/n1", null, b -> b.header("Authorization", "Bearer " + TOKEN));
          assertThat(del.code()).isEqualTo(200);
          assertThat(ids(json(client.get("/api/search?q=" + enc("\"chuyển đổi số\""))))).isEmpty();
        });
  }

  @Test
  void pageHasSecurityHeaders() throws IOException {
    JavalinTest.test(
        app(null),
        (server, client) -> {
          Response r = client.get("/api/health");
          assertThat(r.headers().get("Content-Security-Policy"))
              .singleElement()
              .asString()
              .contains("default-src 'self'");
          assertThat(r.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
        });
  }

  @Test
  void openApiDescribesEveryEndpoint() throws IOException {
    JavalinTest.test(
        app(null),
        (server, client) -> {
          JsonNode api = json(client.get("/api/openapi.json"));
          assertThat(api.get("openapi").asText()).startsWith("3.");
          assertThat(api.get("paths").fieldNames())
              .toIterable()
              .contains("/api/search", "/api/documents", "/api/documents/{id}", "/api/health");
        });
  }
}
