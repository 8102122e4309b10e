package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.search.LuceneBackend;
import org.vnpress.server.App;
import org.vnpress.server.ServerConfig;

/**
 * What an operator sees: one access-log line per request (the query's text only when asked for),
 * one line per write with its counts and client, and {@code GET /metrics} in the Prometheus format.
 */
class OperationsTest {

  private static final String TOKEN = "operations-token-12";

  private interface Exchange {
    void run(Http client) throws IOException;
  }

  /** The log lines a server printed while answering. */
  private static List<String> logOf(ServerConfig cfg, Exchange exchange) throws IOException {
    Javalin app =
        App.create(new LuceneBackend(Fixtures.seedIndex()), new Sources(Extractor.standard()), cfg);
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      JavalinTest.test(
          app,
          new TestConfig(false, false),
          (server, ignored) -> exchange.run(new Http(server.port())));
    } finally {
      System.setErr(err);
    }
    return log.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static List<String> access(List<String> log) {
    return log.stream().filter(l -> l.contains("org.vnpress.access")).toList();
  }

  @Test
  void eachRequestIsOneAccessLineWithoutTheQueryText() throws IOException {
    List<String> log =
        logOf(
            ServerConfig.local(0, TOKEN),
            c -> {
              assertThat(c.get("/api/search?q=b%C3%AD+m%E1%BA%ADt").code()).isEqualTo(200);
              assertThat(c.get("/api/documents/" + Fixtures.SEED_004).code()).isEqualTo(200);
              assertThat(c.post(SeedRecords.ndjson("ops", 3), TOKEN).code()).isEqualTo(200);
            });
    List<String> access = access(log);
    assertThat(access).hasSize(3);
    assertThat(access.get(0)).matches(".* GET /api/search 200 \\d+ ms \\d+ B 127\\.0\\.0\\.1$");
    assertThat(access.get(1)).contains("GET /api/documents/" + Fixtures.SEED_004 + " 200 ");
    assertThat(access.get(2)).contains("POST /api/documents 200 ");
    assertThat(String.join("\n", log)).doesNotContain("b%C3%AD", "bí mật");
    assertThat(log)
        .filteredOn(l -> l.contains("DocumentController"))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains("write from 127.0.0.1: 3 records, added 3, replaced 0, rejected 0"));
  }

  @Test
  void theQueryTextIsLoggedOnlyWhenAskedForAndTheLogCanBeOff() throws IOException {
    List<String> withQuery =
        logOf(
            ServerConfig.local(0, null).withOperations(ServerConfig.AccessLog.QUERY, true),
            c -> c.get("/api/search?q=ho%C3%A0ng+mai"));
    assertThat(access(withQuery))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("?q=ho%C3%A0ng+mai"));
    List<String> off =
        logOf(
            ServerConfig.local(0, null).withOperations(ServerConfig.AccessLog.OFF, true),
            c -> c.get("/api/search?q=x"));
    assertThat(access(off)).isEmpty();
  }

  @Test
  void metricsAreInThePrometheusTextFormatByEndpoint() throws IOException {
    logOf(
        ServerConfig.local(0, TOKEN),
        c -> {
          c.get("/api/search?q=h%C3%A0+n%E1%BB%99i");
          c.get("/api/documents/" + Fixtures.SEED_000);
          c.get("/api/documents/no-such-id");
          c.post(SeedRecords.ndjson("m", 2) + "{broken\n", TOKEN);
          Http.Answer m = c.get("/metrics");
          assertThat(m.code()).isEqualTo(200);
          assertThat(m.contentType()).startsWith("text/plain");
          String text = m.body();
          assertThat(text)
              .contains("# TYPE http_server_requests_seconds histogram")
              .contains(
                  "http_server_requests_seconds_count{endpoint=\"/api/search\",method=\"GET\",status=\"200\"} 1")
              .contains(
                  "http_server_requests_seconds_count{endpoint=\"/api/documents/{id}\",method=\"GET\",status=\"404\"} 1")
              .contains("le=\"0.1\"")
              .contains("vnpress_documents 7.0")
              // the seed index's own commit, then the write's
              .contains("vnpress_index_commits_total 2.0")
              .contains("vnpress_index_writer_errors_total 0.0")
              .contains("vnpress_search_over_budget_total 0.0")
              .contains("vnpress_records_written_total{outcome=\"added\"} 2.0")
              .contains("vnpress_records_written_total{outcome=\"rejected\"} 1.0")
              .containsPattern("vnpress_index_size_bytes [1-9]")
              .doesNotContain("h%C3%A0", "no-such-id", Fixtures.SEED_000);
        });
  }

  @Test
  void searchesThatRunOutOfTheirBudgetAreCounted() throws IOException {
    // a budget of 0 ms: every text search answers partial results
    Javalin app =
        App.create(
            new LuceneBackend(
                Fixtures.seedIndex(),
                new org.vnpress.search.TextQueryBuilder(),
                new org.vnpress.search.SearchLimits(100_000, 32, 0)),
            new Sources(Extractor.standard()),
            ServerConfig.local(0, null));
    JavalinTest.test(
        app,
        (server, ignored) -> {
          Http c = new Http(server.port());
          assertThat(
                  c.get("/api/search?q=h%E1%BB%99i+ngh%E1%BB%8B").json().get("partial").asBoolean())
              .isTrue();
          c.get("/api/search?q=h%E1%BB%99i+ngh%E1%BB%8B");
          assertThat(c.get("/metrics").body()).contains("vnpress_search_over_budget_total 2.0");
        });
  }

  @Test
  void metricsCanBeTurnedOff() throws IOException {
    logOf(
        ServerConfig.local(0, null).withOperations(ServerConfig.AccessLog.PATH, false),
        c -> assertThat(c.get("/metrics").code()).isEqualTo(404));
  }
}
