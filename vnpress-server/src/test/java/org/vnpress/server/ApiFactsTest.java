package org.vnpress.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.search.LuceneBackend;

/**
 * {@code GET /api/citations} and {@code GET /api/people}, and people and meetings in the search
 * answer (issue 20), over HTTP on the bundled data.
 */
class ApiFactsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Javalin app() throws IOException {
    return App.create(
        new LuceneBackend(Fixtures.bundledIndex()),
        new Sources(Extractor.standard()),
        ServerConfig.local(0, null));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode get(io.javalin.testtools.HttpClient client, String path, int status)
      throws IOException {
    var r = client.get(path);
    assertThat(r.code()).as(path).isEqualTo(status);
    assertThat(r.headers().get("Content-Type").get(0)).startsWith("application/json");
    return JSON.readTree(r.body().string());
  }

  @Test
  void theCitationsOfANumberAsPrinted() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode v = get(client, "/api/citations?number=" + enc("15-NQ/TƯ"), 200);
          assertThat(v.get("number").asText()).isEqualTo("15-NQ/TW");
          assertThat(v.get("ref").get("typeLabel").asText()).isEqualTo("Nghị quyết");
          assertThat(v.get("document").isNull()).isTrue();
          JsonNode citing = v.get("citing");
          assertThat(citing.get("hits").get(0).get("id").asText()).isEqualTo(Fixtures.SEED_000);
          assertThat(citing.get("facets").get("quarter").get(0).get("value").asText())
              .isEqualTo("2022-Q4");
          assertThat(citing.get("facets").get("district").get(0).get("value").asText())
              .isEqualTo("Hà Nội/Hai Bà Trưng");
          assertThat(v.get("editions").isArray()).isTrue();
        });
  }

  @Test
  void aBundledResolutionIsItsOwnDocument() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode v = get(client, "/api/citations?number=" + enc("60-NQ/TW"), 200);
          JsonNode doc = v.get("document");
          assertThat(doc.get("id").asText()).isEqualTo("resolution-60-NQ_TW");
          assertThat(doc.get("date").asText()).isEqualTo("2025-04-12");
          assertThat(doc.get("meeting").get("session").asInt()).isEqualTo(11);
        });
  }

  @Test
  void citationErrorsAreJson() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode missing = get(client, "/api/citations", 400);
          assertThat(missing.get("error").asText()).isEqualTo("bad_request");
          JsonNode wrong = get(client, "/api/citations?number=" + enc("Hai Bà Trưng"), 400);
          assertThat(wrong.get("message").asText()).contains("not a document number");
          get(client, "/api/citations?number=15-NQ/TW&size=0", 400);
        });
  }

  @Test
  void aPersonsPostsAndReleases() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode v = get(client, "/api/people?name=" + enc("Bùi Hoàng Phan"), 200);
          assertThat(v.get("name").asText()).isEqualTo("Bùi Hoàng Phan");
          assertThat(v.get("posts").get(0).get("label").asText())
              .isEqualTo("Phó Bí thư Thường trực Quận ủy Hoàn Kiếm");
          assertThat(v.get("releases").get("hits").get(0).get("id").asText())
              .isEqualTo(Fixtures.SEED_004);
          assertThat(get(client, "/api/people", 400).get("error").asText())
              .isEqualTo("bad_request");
        });
  }

  @Test
  void searchHitsCarryPeopleAndTheMeetingAndFilterOnThem() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode r =
              get(
                  client,
                  "/api/search?person="
                      + enc("Nguyễn Văn Dũng")
                      + "&meetingBody="
                      + enc("Ban Chấp hành"),
                  200);
          assertThat(r.get("total").asLong()).isEqualTo(1);
          JsonNode hit = r.get("hits").get(0);
          assertThat(hit.get("people").get(0).get("unit").asText()).isEqualTo("Quận ủy Hoàn Kiếm");
          assertThat(hit.get("meeting").get("term").asText()).isEqualTo("XXVI");
          JsonNode session = get(client, "/api/search?session=16&term=XXVI", 200);
          assertThat(session.get("hits").get(0).get("id").asText()).isEqualTo(Fixtures.SEED_000);
          JsonNode doc = get(client, "/api/documents/" + Fixtures.SEED_000, 200);
          assertThat(doc.get("meeting").get("body").asText()).isEqualTo("Ban Chấp hành");
          assertThat(doc.get("meeting").get("session").asInt()).isEqualTo(16);
        });
  }

  @Test
  void openApiDescribesTheViewsAndTheNewFilters() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode api = get(client, "/api/openapi.json", 200);
          assertThat(api.get("paths").fieldNames())
              .toIterable()
              .contains("/api/citations", "/api/people");
          assertThat(api.at("/paths/~1api~1search/get/parameters").findValuesAsText("name"))
              .contains("person", "post", "meetingBody", "session", "term", "edition");
          assertThat(api.at("/components/schemas/Hit/properties").fieldNames())
              .toIterable()
              .contains("people", "meeting");
        });
  }
}
