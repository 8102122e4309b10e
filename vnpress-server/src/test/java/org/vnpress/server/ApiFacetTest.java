package org.vnpress.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
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

/** Drill-sideways facets, filters, highlights and suggestions over HTTP (issue 6 acceptance). */
class ApiFacetTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The engine under test: the embedded index of the seeds; subclasses test other backends. */
  SearchBackend backend() throws IOException {
    return new LuceneBackend(Fixtures.seedIndex());
  }

  Javalin app() throws IOException {
    return App.create(backend(), new Sources(Extractor.standard()), ServerConfig.local(0, null));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode get(io.javalin.testtools.HttpClient client, String query)
      throws IOException {
    var r = client.get("/api/search?" + query);
    assertThat(r.code()).as(query).isEqualTo(200);
    return JSON.readTree(r.body().string());
  }

  private static List<String> ids(JsonNode r) {
    List<String> ids = new ArrayList<>();
    r.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  private static long count(JsonNode r, String dim, String value) {
    for (JsonNode v : r.get("facets").get(dim)) {
      if (v.get("value").asText().equals(value)) {
        return v.get("count").asLong();
      }
    }
    return 0;
  }

  @Test
  void districtFacetGolden() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) ->
            assertThat(get(client, "").get("facets").get("district").toString())
                .isEqualTo(
                    "[{\"value\":\"Hà Nội/Hai Bà Trưng\",\"label\":\"Quận Hai Bà Trưng\",\"count\":1},"
                        + "{\"value\":\"Hà Nội/Hoàn Kiếm\",\"label\":\"Quận Hoàn Kiếm\",\"count\":1},"
                        + "{\"value\":\"Hà Nội/Hoàng Mai\",\"label\":\"Quận Hoàng Mai\",\"count\":1},"
                        + "{\"value\":\"Hà Nội/Nam Từ Liêm\",\"label\":\"Quận Nam Từ Liêm\",\"count\":1},"
                        + "{\"value\":\"Hà Nội/Đống Đa\",\"label\":\"Quận Đống Đa\",\"count\":1}]"));
  }

  @Test
  void selectedDistrictKeepsOtherDistrictsCounted() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode r = get(client, "district=" + enc("Hà Nội/Hoàng Mai"));
          assertThat(ids(r)).containsExactly(Fixtures.SEED_001);
          assertThat(count(r, "district", "Hà Nội/Hai Bà Trưng")).isEqualTo(1);
          assertThat(count(r, "district", "Hà Nội/Hoàng Mai")).isEqualTo(1);
          // other facets follow the selection
          assertThat(r.get("facets").get("quarter").toString())
              .contains("2022-Q4")
              .doesNotContain("2022-Q3");
        });
  }

  @Test
  void valuesOfOneFacetOrTogether() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) ->
            assertThat(
                    ids(
                        get(
                            client,
                            "district="
                                + enc("Hà Nội/Hoàng Mai")
                                + "&district="
                                + enc("Hà Nội/Hai Bà Trưng"))))
                .containsExactlyInAnyOrder(Fixtures.SEED_000, Fixtures.SEED_001));
  }

  @Test
  void differentFacetsAndTogether() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode r = get(client, "district=" + enc("Hà Nội/Hoàng Mai") + "&quarter=2022-Q3");
          assertThat(r.get("total").asLong()).isZero();
          assertThat(ids(r)).isEmpty();
        });
  }

  @Test
  void quarterFilter() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) ->
            assertThat(ids(get(client, "quarter=2022-Q4")))
                .containsExactlyInAnyOrder(
                    Fixtures.SEED_000, Fixtures.SEED_001, Fixtures.SEED_003));
  }

  @Test
  void documentFilterTellsTwFromTu() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          assertThat(ids(get(client, "document=" + enc("15-NQ/TW"))))
              .containsExactly(Fixtures.SEED_000);
          assertThat(ids(get(client, "document=" + enc("15-NQ/TU"))))
              .containsExactly(Fixtures.SEED_002);
        });
  }

  @Test
  void unaccentedQueryHighlightsTheAccentedPhrase() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode r = get(client, "q=" + enc("quan uy"));
          String snippet = r.get("hits").get(0).get("snippet").asText();
          assertThat(snippet).containsPattern("<mark>Quận (ủy|uỷ)</mark>");
          assertThat(snippet).doesNotContain("<mark>quận</mark>");
        });
  }

  @Test
  void unaccentedQuerySuggestsTheAccentedForm() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          assertThat(get(client, "q=" + enc("nghi quyet")).get("suggestion").asText())
              .isEqualTo("nghị quyết");
          assertThat(get(client, "q=" + enc("hoang mai")).get("suggestion").asText())
              .isEqualTo("Hoàng Mai");
          assertThat(get(client, "q=" + enc("nghị quyết")).get("suggestion").isNull()).isTrue();
        });
  }

  @Test
  void sortByDatePutsUndatedLastAndPagesAreStable() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          List<String> all = ids(get(client, "sort=date&size=5"));
          List<String> paged = new ArrayList<>();
          for (int p = 1; p <= 3; p++) {
            paged.addAll(ids(get(client, "sort=date&size=2&page=" + p)));
          }
          assertThat(paged).isEqualTo(all);
          assertThat(all).last().isEqualTo(Fixtures.SEED_004);
        });
  }

  @Test
  void dateRangeFiltersByPublicationDay() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) ->
            assertThat(ids(get(client, "from=2022-10-01&to=2022-10-31")))
                .containsExactlyInAnyOrder(Fixtures.SEED_000, Fixtures.SEED_003));
  }

  @Test
  void facetLimitCutsTheList() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) ->
            assertThat(get(client, "facetLimit=2").get("facets").get("district")).hasSize(2));
  }
}
