package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.bench.SoakBench;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.search.LuceneBackend;
import org.vnpress.server.App;
import org.vnpress.server.ServerConfig;

/**
 * Hostile requests against the real app (issue 9): query fuzzing, limits, path traversal, security
 * headers, CORS, XSS in stored documents, and bad records over HTTP.
 */
class HostileRequestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "hardening-token-5678";

  /** 1,000 in {@code verify}; {@code -Dvnpress.fuzz.queries=10000} for the full run. */
  private static final int FUZZ_QUERIES = Integer.getInteger("vnpress.fuzz.queries", 1_000);

  private static Javalin app(String token) throws IOException {
    return App.create(
        new LuceneBackend(Fixtures.seedIndex()),
        new Sources(Extractor.standard()),
        ServerConfig.local(0, token));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** One raw HTTP exchange: the request bytes exactly as written, the answer as text. */
  static String raw(int port, String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return readAll(s.getInputStream());
    }
  }

  static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] b = new byte[8192];
    try {
      for (int n; (n = in.read(b)) > 0; ) {
        buf.write(b, 0, n);
      }
    } catch (SocketTimeoutException e) {
      // the server kept the connection open: what came so far is the answer
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void fuzzedQueriesNeverGive5xxAndAlwaysJson() throws IOException {
    JavalinTest.test(
        app(null),
        (server, ignored) -> {
          Http client = new Http(server.port());
          Random rnd = new Random(9);
          List<String> failures = new ArrayList<>();
          int rejected = 0;
          for (int i = 0; i < FUZZ_QUERIES; i++) {
            String q = SoakBench.hostileQuery(rnd);
            Http.Answer r = client.get("/api/search?q=" + enc(q));
            String body = r.body();
            JsonNode n = SoakBench.answerProblem(r.code(), r.contentType(), body);
            if (n == null) {
              failures.add(
                  r.code() + " for q=" + q.substring(0, Math.min(q.length(), 80)) + ": " + body);
            } else if (r.code() != 200) {
              rejected++;
            }
          }
          assertThat(failures).isEmpty();
          // long queries are refused with 400; the rest are searched
          assertThat(rejected).isLessThan(FUZZ_QUERIES / 10);
        });
  }

  @Test
  void aHundredKilobyteQueryIsRefusedWithJson() throws IOException {
    JavalinTest.test(
        app(null),
        (server, ignored) -> {
          Http client = new Http(server.port());
          Http.Answer r = client.get("/api/search?q=" + enc("nghị quyết ".repeat(10_000)));
          assertThat(r.code()).isBetween(400, 499);
          assertThat(r.contentType()).startsWith("application/json");
          assertThat(r.json().get("error").asText()).isNotBlank();
        });
  }

  @Test
  void queryLengthLimitIs400() throws IOException {
    JavalinTest.test(
        app(null),
        (server, ignored) -> {
          Http client = new Http(server.port());
          assertThat(client.get("/api/search?q=" + "a".repeat(1000)).code()).isEqualTo(200);
          Http.Answer r = client.get("/api/search?q=" + "a".repeat(1001));
          assertThat(r.code()).isEqualTo(400);
          assertThat(r.json().get("message").asText()).contains("1000");
        });
  }

  @Test
  void pageDepthLimitIs400() throws IOException {
    JavalinTest.test(
        app(null),
        (server, ignored) -> {
          Http client = new Http(server.port());
          assertThat(client.get("/api/search?page=100&size=100").code()).isEqualTo(200);
          for (String p :
              List.of(
                  "page=101&size=100",
                  "page=10001",
                  "page=2147483647&size=100",
                  "page=99999999999999999999",
                  "size=0",
                  "size=-1",
                  "facetLimit=100000")) {
            Http.Answer r = client.get("/api/search?" + p);
            assertThat(r.code()).as(p).isEqualTo(400);
            assertThat(r.json().get("error").asText()).as(p).isEqualTo("bad_request");
          }
        });
  }

  @Test
  void wildcardOnlyQueriesAnswerQuickly() throws IOException {
    JavalinTest.test(
        app(null),
        (server, ignored) -> {
          Http client = new Http(server.port());
          for (String q :
              List.of("*", "?", "*?*?*?*?*?", "*".repeat(1000), "a*b*c*d*e*f*g*h*i*j*")) {
            Http.Answer r = client.get("/api/search?q=" + enc(q));
            assertThat(r.code()).as(q).isEqualTo(200);
            assertThat(r.json().has("hits")).as(q).isTrue();
          }
        });
  }

  /**
   * More than 32 MB, however it is sent, is a 413 in JSON that reaches the client, and nothing is
   * written. The server reads and drops what is still coming after it refuses, so that the refusal
   * is not lost to a reset connection (one in fifteen was, on a loaded machine, before it did).
   * Only for a client with the token: one without it is answered at once.
   */
  @Test
  void bodyOver32MegabytesIs413Json() throws IOException {
    JavalinTest.test(
        app(TOKEN),
        (server, ignored) -> {
          Http client = new Http(server.port());
          String big = "{\"body\":\"" + "x".repeat(33 * 1024 * 1024) + "\"}";
          List<Http.Answer> answers =
              List.of(
                  client.post(big, TOKEN),
                  client.postAskingFirst(big, TOKEN),
                  client.postChunked(big.getBytes(StandardCharsets.UTF_8), TOKEN));
          for (int i = 0; i < answers.size(); i++) {
            Http.Answer r = answers.get(i);
            assertThat(r.code()).as("answer %d: %s", i, r.body()).isEqualTo(413);
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.json().get("error").asText()).isEqualTo("too_large");
          }
          assertThat(client.documents()).isEqualTo(5);
        });
  }

  @Test
  void pathTraversalOnStaticFilesIs404() throws IOException {
    JavalinTest.test(
        app(null),
        (server, ignored) -> {
          Http client = new Http(server.port());
          for (String path :
              List.of(
                  "/../../etc/passwd",
                  "/%2e%2e/%2e%2e/etc/passwd",
                  "/..%2f..%2fetc/passwd",
                  "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                  "/..\\..\\etc\\passwd",
                  "/web/../../../../etc/passwd",
                  "/%252e%252e/%252e%252e/etc/passwd",
                  "/api/../../etc/passwd")) {
            String answer =
                raw(
                    server.port(),
                    "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).doesNotContain("root:");
            String status = answer.substring(0, answer.indexOf("\r\n"));
            assertThat(status).as(path).matches("HTTP/1\\.1 (400|404) .*");
          }
        });
  }

  @Test
  void securityHeadersOnThePage() throws IOException {
    JavalinTest.test(
        app(null),
        (server, ignored) -> {
          Http client = new Http(server.port());
          Http.Answer r = client.get("/");
          assertThat(r.code()).isEqualTo(200);
          assertThat(r.header("Content-Security-Policy"))
              .contains("default-src 'self'")
              .contains("object-src 'none'");
          assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
          assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
          Http.Answer api = client.get("/api/search?q=x");
          assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
        });
  }

  @Test
  void corsIsOffByDefault() throws IOException {
    JavalinTest.test(
        app(null),
        (server, ignored) -> {
          Http client = new Http(server.port());
          Http.Answer r = client.get("/api/search?q=x", "Origin", "https://evil.example");
          assertThat(r.header("Access-Control-Allow-Origin")).isNull();
          Http.Answer pre =
              client.send(
                  "OPTIONS",
                  "/api/documents",
                  null,
                  "Origin",
                  "https://evil.example",
                  "Access-Control-Request-Method",
                  "POST");
          assertThat(pre.header("Access-Control-Allow-Origin")).isNull();
          assertThat(pre.header("Access-Control-Allow-Methods")).isNull();
        });
  }

  @Test
  void corsOnlyForTheConfiguredOrigin() throws IOException {
    Javalin app =
        App.create(
            new LuceneBackend(Fixtures.seedIndex()),
            new Sources(Extractor.standard()),
            new ServerConfig("127.0.0.1", 0, null, "https://press.example"));
    JavalinTest.test(
        app,
        (server, ignored) -> {
          Http client = new Http(server.port());
          Http.Answer r = client.get("/api/search?q=x", "Origin", "https://evil.example");
          assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("https://press.example");
        });
  }

  @Test
  void scriptInTitleAndBodyComesBackEscaped() throws IOException {
    JavalinTest.test(
        app(TOKEN),
        (server, ignored) -> {
          Http client = new Http(server.port());
          String title = "Hội nghị <script>alert('t')</script> \"><img src=x onerror=alert(1)>";
          String body =
              "Sáng 19-10, Hội nghị lần thứ mười sáu <script>alert('b')</script> bàn về "
                  + "\"><img src=x onerror=alert(2)> nghị quyết của Ban Chấp hành.";
          String rec =
              JSON.writeValueAsString(
                  JSON.createObjectNode().put("id", "xss").put("title", title).put("body", body));
          assertThat(client.post(rec, TOKEN).code()).isEqualTo(200);
          JsonNode r = client.get("/api/search?q=" + enc("hội nghị alert onerror")).json();
          JsonNode hit = null;
          for (JsonNode h : r.get("hits")) {
            if (h.get("id").asText().equals("xss")) {
              hit = h;
            }
          }
          assertThat(hit).isNotNull();
          for (String field : List.of("snippet", "titleHtml")) {
            String html = hit.get(field).asText();
            String withoutMarks = html.replace("<mark>", "").replace("</mark>", "");
            assertThat(withoutMarks).as(field).doesNotContain("<", ">");
            assertThat(html).as(field).contains("&lt;");
          }
          // the plain title is data: JSON strings, escaped by whoever puts them in a page
          assertThat(hit.get("title").asText()).isEqualTo(title);
        });
  }

  @Test
  void writesNeedTheToken() throws IOException {
    String rec = "{\"id\":\"t\",\"body\":\"Sáng 19-10, Hội nghị lần thứ mười sáu.\"}";
    JavalinTest.test(
        app(null),
        (server, ignored) -> {
          Http client = new Http(server.port());
          Http.Answer off = client.post(rec, TOKEN);
          assertThat(off.code()).isEqualTo(403);
          assertThat(off.json().get("message").asText()).contains("VNPRESS_TOKEN");
        });
    JavalinTest.test(
        app(TOKEN),
        (server, ignored) -> {
          Http client = new Http(server.port());
          assertThat(client.post(rec, null).code()).isEqualTo(401);
          assertThat(client.post(rec, TOKEN + "x").code()).isEqualTo(401);
          assertThat(client.post(rec, TOKEN.substring(1)).code()).isEqualTo(401);
          assertThat(client.post(rec, "").code()).isEqualTo(401);
          Http.Answer del =
              client.send(
                  "DELETE",
                  "/api/documents/" + Fixtures.SEED_000,
                  null,
                  "Authorization",
                  "Bearer wrong");
          assertThat(del.code()).isEqualTo(401);
          assertThat(client.documents()).isEqualTo(5);
        });
  }

  @Test
  void badRecordsInABatchAreReportedAndTheRestIndexed() throws IOException {
    JavalinTest.test(
        app(TOKEN),
        (server, ignored) -> {
          Http client = new Http(server.port());
          String ndjson =
              String.join(
                  "\n",
                  "{\"id\":\"ok1\",\"body\":\"Sáng 19-10, Hội nghị lần thứ mười sáu.\"}",
                  "{broken",
                  "{\"id\":\"nobody\",\"title\":\"Chỉ có tiêu đề\"}",
                  "{\"id\":\"deep\",\"body\":\"x\",\"e\":"
                      + "[".repeat(5000)
                      + "]".repeat(5000)
                      + "}",
                  "{\"id\":\"old\",\"body\":\"Ban ChÊp hµnh §¶ng bé quËn tæ chøc Héi nghÞ lÇn thø m­êi s¸u.\"}",
                  "{\"id\":\"ok2\",\"body\":\"Chiều 19-10, Hội nghị bế mạc.\"}");
          Http.Answer r = client.post(ndjson, TOKEN);
          assertThat(r.code()).isEqualTo(200);
          JsonNode a = r.json();
          // the TCVN3 record is converted and indexed
          assertThat(a.get("added").asInt()).isEqualTo(3);
          List<Integer> rejected = new ArrayList<>();
          a.get("rejected").forEach(x -> rejected.add(x.get("index").asInt()));
          assertThat(rejected).containsExactly(1, 2, 3);
          assertThat(a.get("rejected").get(0).get("error").asText()).contains("malformed JSON");
          assertThat(a.get("rejected").get(1).get("error").asText()).contains("body");
          assertThat(a.get("rejected").get(2).get("error").asText())
              .containsIgnoringCase("nesting");
          // nothing already stored was lost
          assertThat(client.documents()).isEqualTo(8);
          assertThat(client.get("/api/documents/" + Fixtures.SEED_004).code()).isEqualTo(200);
        });
  }

  @Test
  void nonUtf8BodyIsRefusedNotIndexedAsReplacementCharacters() throws IOException {
    JavalinTest.test(
        app(TOKEN),
        (server, ignored) -> {
          Http client = new Http(server.port());
          // "Hà Nội" in Windows-1258 bytes inside a JSON record
          byte[] body =
              "{\"id\":\"cp\",\"body\":\"H\u00e0 N\u00f4i, s\u00e1ng 19-10.\"}"
                  .getBytes(StandardCharsets.ISO_8859_1);
          Http.Answer r = client.postBytes(body, TOKEN);
          assertThat(r.code()).isEqualTo(400);
          assertThat(r.json().get("message").asText()).contains("UTF-8");
          assertThat(client.get("/api/documents/cp").code()).isEqualTo(404);
        });
  }

  @Test
  void duplicateIdsInOneBatchLastWinsAndIsReported() throws IOException {
    JavalinTest.test(
        app(TOKEN),
        (server, ignored) -> {
          Http client = new Http(server.port());
          String arr =
              "[{\"id\":\"dup\",\"body\":\"Sáng 19-10, bản thứ nhất.\"},"
                  + "{\"id\":\"dup\",\"body\":\"Sáng 19-10, bản thứ hai.\"}]";
          JsonNode a = client.post(arr, TOKEN).json();
          assertThat(a.get("added").asInt()).isEqualTo(1);
          assertThat(a.get("rejected").get(0).get("index").asInt()).isZero();
          assertThat(a.get("rejected").get(0).get("error").asText()).contains("duplicate id dup");
          assertThat(client.get("/api/documents/dup").json().get("body").asText())
              .contains("bản thứ hai");
        });
  }

  @Test
  void emptyAndDeeplyNestedBodiesAre400Json() throws IOException {
    JavalinTest.test(
        app(TOKEN),
        (server, ignored) -> {
          Http client = new Http(server.port());
          for (String body : List.of("", "   \n ", "[".repeat(100_000))) {
            Http.Answer r = client.post(body, TOKEN);
            assertThat(r.code()).as(body.length() + " chars").isBetween(200, 499);
            assertThat(r.contentType()).startsWith("application/json");
            JsonNode n = r.json();
            if (r.code() == 200) {
              assertThat(n.get("added").asInt()).isZero();
            } else {
              assertThat(n.get("error").asText()).isNotBlank();
            }
          }
          assertThat(client.documents()).isEqualTo(5);
        });
  }
}
