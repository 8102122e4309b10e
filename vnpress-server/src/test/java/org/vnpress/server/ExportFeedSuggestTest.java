package org.vnpress.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.search.LuceneBackend;

/**
 * Taking results away and following a search: {@code /api/export} (CSV, JSON), the Atom feed at
 * {@code /feed}, completion at {@code /api/suggest}, and the page's 404.
 */
class ExportFeedSuggestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOANG_MAI = "Hà Nội/Hoàng Mai";

  private static Javalin app() throws IOException {
    return App.create(
        new LuceneBackend(Fixtures.seedIndex()),
        new Sources(Extractor.standard()),
        ServerConfig.local(0, null));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String header(Response r, String name) {
    List<String> values = r.headers().get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  /**
   * The body's bytes as sent (the test client decodes for us, which would hide a wrong charset).
   */
  private static byte[] rawBody(int port, int expectedStatus, String path) throws IOException {
    try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
      var response =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://localhost:" + port + path))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(expectedStatus);
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Decodes UTF-8 and fails on any byte that is not. */
  private static String strictUtf8(byte[] bytes) throws IOException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes))
        .toString();
  }

  private static List<CSVRecord> csv(String body) throws IOException {
    // the file starts with a byte-order mark so that spreadsheets read it as UTF-8
    assertThat(body).startsWith("\uFEFF");
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser p = CSVParser.parse(new StringReader(body.substring(1)), format)) {
      assertThat(p.getHeaderNames()).isEqualTo(ExportController.COLUMNS);
      return p.getRecords();
    }
  }

  private static List<String> searchIds(io.javalin.testtools.HttpClient client, String query)
      throws IOException {
    JsonNode r = JSON.readTree(client.get("/api/search?size=100&" + query).body().string());
    List<String> ids = new ArrayList<>();
    r.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  @Test
  void csvExportHasTheColumnsAndTheSearchesRowsInUtf8() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response r = client.get("/api/export?format=csv&q=" + enc("Hoàng Mai"));
          assertThat(r.code()).isEqualTo(200);
          assertThat(header(r, "Content-Type")).startsWith("text/csv").contains("utf-8");
          assertThat(header(r, "Content-Disposition")).contains("attachment");
          List<CSVRecord> rows =
              csv(
                  strictUtf8(
                      rawBody(
                          server.port(),
                          r.code(),
                          "/api/export?format=csv&q=" + enc("Hoàng Mai"))));
          assertThat(rows.stream().map(x -> x.get("id")).toList())
              .isEqualTo(searchIds(client, "q=" + enc("Hoàng Mai")));
          CSVRecord seed =
              rows.stream().filter(x -> x.get("id").equals(Fixtures.SEED_001)).findFirst().get();
          assertThat(seed.get("title"))
              .isEqualTo("Quận Hoàng Mai: Kinh tế phục hồi tốt, tốc độ tăng trưởng 9,54%");
          assertThat(seed.get("date")).isEqualTo("2022-12-30");
          assertThat(seed.get("quarter")).isEqualTo("2022-Q4");
          assertThat(seed.get("districts")).isEqualTo(HOANG_MAI);
          assertThat(seed.get("link"))
              .isEqualTo("http://localhost:" + server.port() + "/?doc=" + Fixtures.SEED_001);
          assertThat(seed.get("snippet")).contains("Hoàng Mai").doesNotContain("<mark>");
        });
  }

  @Test
  void exportWithoutAQueryGivesEveryReleaseAndHonoursTheLimit() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          assertThat(csv(client.get("/api/export?format=csv").body().string())).hasSize(5);
          assertThat(csv(client.get("/api/export?format=csv&limit=2").body().string())).hasSize(2);
        });
  }

  @Test
  void jsonExportIsAnArrayOfTheSearchesHits() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response r = client.get("/api/export?format=json&district=" + enc(HOANG_MAI));
          assertThat(header(r, "Content-Type")).startsWith("application/json");
          JsonNode arr = JSON.readTree(r.body().string());
          assertThat(arr.isArray()).isTrue();
          List<String> ids = new ArrayList<>();
          arr.forEach(h -> ids.add(h.get("id").asText()));
          assertThat(ids).isEqualTo(searchIds(client, "district=" + enc(HOANG_MAI)));
          assertThat(arr.get(0).get("districts").get(0).get("value").asText()).isEqualTo(HOANG_MAI);
        });
  }

  @Test
  void exportRefusesAnUnknownFormatAsJson() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response r = client.get("/api/export?format=xlsx");
          assertThat(r.code()).isEqualTo(400);
          assertThat(JSON.readTree(r.body().string()).get("error").asText())
              .isEqualTo("bad_request");
          assertThat(client.get("/api/export?format=csv&limit=10001").code()).isEqualTo(400);
        });
  }

  @Test
  void feedIsAtomThatRomeReadsNewestFirst() throws Exception {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response r = client.get("/feed");
          assertThat(r.code()).isEqualTo(200);
          assertThat(header(r, "Content-Type")).startsWith("application/atom+xml");
          SyndFeed feed = new SyndFeedInput().build(new StringReader(r.body().string()));
          assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
          List<SyndEntry> entries = feed.getEntries();
          // five seeds, one of them undated: an entry needs a date, so four
          assertThat(entries).hasSize(4);
          List<Date> dates = entries.stream().map(SyndEntry::getUpdatedDate).toList();
          assertThat(dates).doesNotContainNull();
          for (int i = 1; i < dates.size(); i++) {
            assertThat(dates.get(i)).isBeforeOrEqualTo(dates.get(i - 1));
          }
          assertThat(entries.get(0).getTitle())
              .isEqualTo("Quận Hoàng Mai: Kinh tế phục hồi tốt, tốc độ tăng trưởng 9,54%");
          assertThat(entries.get(0).getUri()).isEqualTo("urn:vnpress:" + Fixtures.SEED_001);
          assertThat(entries.get(0).getLink()).endsWith("/?doc=" + Fixtures.SEED_001);
          assertThat(feed.getAuthors()).isNotEmpty();
          assertThat(feed.getPublishedDate()).isEqualTo(dates.get(0));
        });
  }

  @Test
  void feedFollowsTheSearchsParameters() throws Exception {
    JavalinTest.test(
        app(),
        (server, client) -> {
          String body = client.get("/feed?district=" + enc(HOANG_MAI)).body().string();
          SyndFeed feed = new SyndFeedInput().build(new StringReader(body));
          assertThat(feed.getEntries())
              .extracting(SyndEntry::getUri)
              .containsExactly("urn:vnpress:" + Fixtures.SEED_001);
          assertThat(feed.getTitle()).contains(HOANG_MAI);
          assertThat(client.get("/feed?from=not-a-date").code()).isEqualTo(400);
        });
  }

  @Test
  void aCursorFromNextCursorGivesTheFollowingPage() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode first = JSON.readTree(client.get("/api/search?size=2").body().string());
          String cursor = first.get("nextCursor").asText();
          JsonNode next =
              JSON.readTree(
                  client.get("/api/search?size=2&page=2&cursor=" + enc(cursor)).body().string());
          JsonNode second = JSON.readTree(client.get("/api/search?size=2&page=2").body().string());
          assertThat(next.get("hits").findValuesAsText("id"))
              .isNotEmpty()
              .isEqualTo(second.get("hits").findValuesAsText("id"));
          Response bad = client.get("/api/search?cursor=not-a-cursor");
          assertThat(bad.code()).isEqualTo(400);
          assertThat(JSON.readTree(bad.body().string()).get("error").asText())
              .isEqualTo("bad_request");
        });
  }

  @Test
  void suggestCompletesADistrictFromAnUnaccentedPrefix() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response r = client.get("/api/suggest?q=" + enc("hoang m"));
          assertThat(r.code()).isEqualTo(200);
          JsonNode first = JSON.readTree(r.body().string()).get("suggestions").get(0);
          assertThat(first.get("kind").asText()).isEqualTo("district");
          assertThat(first.get("value").asText()).isEqualTo(HOANG_MAI);
          assertThat(first.get("text").asText()).isEqualTo("Quận Hoàng Mai");
          JsonNode none = JSON.readTree(client.get("/api/suggest").body().string());
          assertThat(none.get("suggestions").size()).isZero();
          assertThat(client.get("/api/suggest?q=ha&limit=0").code()).isEqualTo(400);
        });
  }

  @Test
  void openApiDescribesSuggestExportFeedAndTheCursor() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode api = JSON.readTree(client.get("/api/openapi.json").body().string());
          assertThat(api.get("paths").fieldNames())
              .toIterable()
              .contains("/api/suggest", "/api/export", "/feed");
          assertThat(api.at("/paths/~1api~1search/get/parameters").findValuesAsText("name"))
              .contains("cursor");
          assertThat(api.at("/components/schemas/SearchResponse/properties").fieldNames())
              .toIterable()
              .contains("totalRelation", "relaxed", "partial", "undated", "nextCursor");
        });
  }

  @Test
  void unknownPathsGetTheVietnamese404PageAndApiPathsJson() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response page = client.get("/khong-co-trang-nay");
          System.err.println(
              "DEBUG404 " + page.headers().get("Content-Type") + " " + page.body().string());
          assertThat(page.code()).isEqualTo(404);
          assertThat(header(page, "Content-Type")).startsWith("text/html");
          assertThat(page.body().string()).contains("lang=\"vi\"", "Không tìm thấy trang này");
          Response api = client.get("/api/khong-co");
          assertThat(api.code()).isEqualTo(404);
          assertThat(JSON.readTree(api.body().string()).get("error").asText())
              .isEqualTo("not_found");
        });
  }

  @Test
  void aDocumentLinkToAnUnknownIdIsA404PageAndAKnownOneThePage() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response unknown = client.get("/?doc=khong-co-van-ban-nay");
          assertThat(unknown.code()).isEqualTo(404);
          assertThat(unknown.body().string()).contains("Không tìm thấy trang này");
          Response known = client.get("/?doc=" + Fixtures.SEED_001);
          assertThat(known.code()).isEqualTo(200);
          assertThat(known.body().string()).contains("<script type=\"module\" src=\"/js/app.js\">");
          assertThat(client.get("/").code()).isEqualTo(200);
        });
  }
}
