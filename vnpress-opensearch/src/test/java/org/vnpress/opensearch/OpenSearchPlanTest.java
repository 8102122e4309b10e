package org.vnpress.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vnpress.search.SearchLimits;
import org.vnpress.search.SearchRequest;
import org.vnpress.search.SearchResponse;

/**
 * The plan as the cluster receives it and its answer as the API gives it: the relaxed request after
 * a strict one that found too few, the phrase as a {@code rescore}, {@code track_total_hits} at the
 * plan's threshold, the budget as {@code timeout}, and a timed-out or capped answer reported as
 * partial and {@code gte}. The node is a JDK HTTP server that records what it is sent and answers
 * as OpenSearch does; the real cluster runs the golden cases in ConformanceOpenSearchIT.
 */
class OpenSearchPlanTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer node;
  private final List<JsonNode> searches = new ArrayList<>();

  /** What the node answers to the next text searches, in order. */
  private final List<String> answers = new ArrayList<>();

  @BeforeEach
  void startNode() throws IOException {
    node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    node.createContext(
        "/vnpress/_search",
        x -> {
          JsonNode body = JSON.readTree(x.getRequestBody());
          String answer;
          if (body.path("size").asInt(-1) == 0) {
            // the facts' aggregation: facet values with their labels
            answer =
                "{\"aggregations\":{\"district\":{\"buckets\":"
                    + "[{\"key\":\"Hà Nội/Hoàng Mai\\u001FQuận Hoàng Mai\"}]}}}";
          } else {
            synchronized (searches) {
              searches.add(body);
              answer = answers.isEmpty() ? answer(0, "eq", false) : answers.remove(0);
            }
          }
          byte[] b = answer.getBytes(StandardCharsets.UTF_8);
          x.getResponseHeaders().add("Content-Type", "application/json");
          x.sendResponseHeaders(200, b.length);
          x.getResponseBody().write(b);
          x.close();
        });
    node.start();
  }

  @AfterEach
  void stopNode() {
    node.stop(0);
  }

  private static String answer(long total, String relation, boolean timedOut) {
    return "{\"took\":1,\"timed_out\":"
        + timedOut
        + ",\"_shards\":{\"total\":1,\"successful\":1},\"hits\":{\"total\":{\"value\":"
        + total
        + ",\"relation\":\""
        + relation
        + "\"},\"hits\":[]},\"aggregations\":{}}";
  }

  private OpenSearchBackend backend() {
    return OpenSearchBackend.attach(
        URI.create("http://127.0.0.1:" + node.getAddress().getPort()), "vnpress");
  }

  // a strict search that finds too few is followed by the relaxed one, and the answer says so
  @Test
  void tooFewStrictMatchesSendTheRelaxedSearch() throws IOException {
    answers.add(answer(2, "eq", false));
    answers.add(answer(40, "eq", false));
    SearchResponse r = backend().search(SearchRequest.of("hội nghị lần thứ 16 quận Hoàng Mai"));
    assertThat(searches).hasSize(2);
    assertThat(r.relaxed()).isTrue();
    assertThat(r.strictTotal()).isEqualTo(2);
    assertThat(r.total()).isEqualTo(40);
    // the relaxed query asks for most of the words, not all
    assertThat(searches.get(1).toString()).contains("minimum_should_match");
    assertThat(searches.get(0).toString()).doesNotContain("minimum_should_match");
  }

  // the plan's phrase re-ranks as a rescore, the district named is boosted, counts stop at the
  // threshold, and the budget is the search's timeout
  @Test
  void thePlanIsSentAsRescoreBoostThresholdAndTimeout() throws IOException {
    answers.add(answer(120, "eq", false));
    backend().search(SearchRequest.of("Quận ủy Hoàng Mai"));
    JsonNode s = searches.get(0);
    assertThat(s.path("rescore").path("window_size").asInt()).isEqualTo(100);
    assertThat(s.path("track_total_hits").asLong()).isEqualTo(100_000);
    assertThat(s.path("timeout").asText()).matches("\\d+ms");
    assertThat(s.path("query").toString()).contains("Hà Nội/Hoàng Mai");
  }

  // a capped total is a lower bound and a timed-out search is partial, as the API says them
  @Test
  void cappedAndTimedOutAnswersAreSaidSo() throws IOException {
    answers.add(answer(100, "gte", true));
    SearchResponse r =
        backend().withLimits(new SearchLimits(100, 32, 1)).search(SearchRequest.of("Hoàng Mai"));
    assertThat(r.totalRelation()).isEqualTo("gte");
    assertThat(r.partial()).isTrue();
    assertThat(searches.get(0).path("track_total_hits").asLong()).isEqualTo(100);
    assertThat(searches.get(0).path("timeout").asText()).isEqualTo("1ms");
  }
}
