package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.search.LuceneBackend;
import org.vnpress.server.App;
import org.vnpress.server.ServerConfig;

/**
 * The smaller write and request rules of issue 16: ids are checked, an array is the whole body,
 * rejections name their line, bad UTF-8 in a query is refused as in a body, a request has at most
 * 10,000 records, an aborted upload is a 400 with one WARN line, and the part of a request that is
 * too long is named.
 */
class WriteRequestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "write-request-token-77";

  private static Javalin app(ServerConfig cfg) throws IOException {
    return App.create(
        new LuceneBackend(Fixtures.seedIndex()), new Sources(Extractor.standard()), cfg);
  }

  private static Javalin app() throws IOException {
    return app(ServerConfig.local(0, TOKEN));
  }

  private static String rec(String id, int i) {
    return SeedRecords.record(id, i);
  }

  private static List<Integer> rejectedIndexes(JsonNode answer) {
    List<Integer> out = new ArrayList<>();
    answer.get("rejected").forEach(r -> out.add(r.get("index").asInt()));
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void idsAreCheckedBeforeAnythingIsWritten() throws IOException {
    String longest = "é".repeat(256); // 512 UTF-8 bytes: the most an id may have
    String body =
        String.join(
            "\n",
            rec("x".repeat(40_000), 0),
            rec("é".repeat(11_000), 1),
            rec("nul\u0000byte", 2),
            rec("line\nbreak", 3),
            rec(longest, 4),
            rec("é".repeat(256) + "x", 5));
    JavalinTest.test(
        app(),
        (server, ignored) -> {
          Http client = new Http(server.port());
          Http.Answer r = client.post(body, TOKEN);
          assertThat(r.code()).as(r.body()).isEqualTo(200);
          assertThat(r.json().get("added").asInt()).isEqualTo(1);
          assertThat(rejectedIndexes(r.json())).containsExactly(0, 1, 2, 3, 5);
          JsonNode rejected = r.json().get("rejected");
          assertThat(rejected.get(0).get("error").asText())
              .isEqualTo("the id is 40,000 UTF-8 bytes long; at most 512 are allowed");
          assertThat(rejected.get(1).get("error").asText()).contains("22,000 UTF-8 bytes");
          assertThat(rejected.get(2).get("error").asText()).contains("control character");
          assertThat(rejected.get(3).get("error").asText()).contains("control character");
          assertThat(rejected.get(4).get("error").asText()).contains("513 UTF-8 bytes");
          // what was accepted can be read and deleted again
          assertThat(client.get("/api/documents/" + enc(longest)).code()).isEqualTo(200);
          Http.Answer del =
              client.send(
                  "DELETE",
                  "/api/documents/" + enc(longest),
                  null,
                  "Authorization",
                  "Bearer " + TOKEN);
          assertThat(del.code()).as(del.body()).isEqualTo(200);
          assertThat(client.documents()).isEqualTo(5);
        });
  }

  @Test
  void aJsonArrayFollowedByAnotherValueIsRefusedNotHalfRead() throws IOException {
    JavalinTest.test(
        app(),
        (server, ignored) -> {
          Http client = new Http(server.port());
          for (String trailer : List.of(" 5", "\n[]", " {\"id\":\"t3\",\"body\":\"x\"}", " ]")) {
            String body = "[" + rec("t1", 1) + "," + rec("t2", 2) + "]" + trailer;
            Http.Answer r = client.post(body, TOKEN);
            assertThat(r.code()).as(trailer).isEqualTo(400);
            assertThat(r.json().get("message").asText()).as(trailer).contains("whole body");
          }
          Http.Answer unclosed = client.post("[" + rec("t1", 1) + "," + rec("t2", 2), TOKEN);
          assertThat(unclosed.code()).isEqualTo(400);
          assertThat(unclosed.json().get("message").asText()).contains("not closed");
          Http.Answer broken = client.post("[" + rec("t1", 1) + ",{broken}]", TOKEN);
          assertThat(broken.code()).isEqualTo(400);
          assertThat(broken.json().get("message").asText()).contains("record 1");
          assertThat(client.documents()).isEqualTo(5);
          // the same array alone is read whole; a rejected element is named by its index
          Http.Answer whole =
              client.post("[" + rec("t1", 1) + ",{\"id\":\"t2\"}," + rec("t3", 3) + "]\n", TOKEN);
          assertThat(whole.code()).isEqualTo(200);
          assertThat(whole.json().get("added").asInt()).isEqualTo(2);
          assertThat(rejectedIndexes(whole.json())).containsExactly(1);
        });
  }

  private static String pretty(String json) throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
  }

  @Test
  void aRejectedNdjsonRecordIsNamedByItsLineBlankLinesCounted() throws IOException {
    String first = pretty(rec("n0", 0));
    assertThat(first.lines().count()).isEqualTo(4);
    String body =
        String.join(
            "\n",
            first, // lines 0-3: a body's first record may spread over lines
            "", // 4
            "{broken", // 5
            "   ", // 6
            "{\"id\":\"nobody\",\"title\":\"Chỉ có tiêu đề\"}", // 7
            "{\"id\":\"cut\",\"body\":", // 8: cut short; the next line is a record of its own
            rec("n9", 9), // 9
            "[1, 2]", // 10: not an object
            rec("n11", 11), // 11
            rec("n0", 12)); // 12: repeats n0, so the record of line 0 is replaced
    JavalinTest.test(
        app(),
        (server, ignored) -> {
          Http client = new Http(server.port());
          Http.Answer r = client.post(body, TOKEN);
          assertThat(r.code()).as(r.body()).isEqualTo(200);
          assertThat(rejectedIndexes(r.json())).containsExactly(0, 5, 7, 8, 10);
          JsonNode rejected = r.json().get("rejected");
          assertThat(rejected.get(0).get("error").asText())
              .isEqualTo("duplicate id n0: replaced by line 12");
          assertThat(rejected.get(1).get("error").asText()).startsWith("malformed JSON");
          assertThat(rejected.get(2).get("error").asText()).contains("body");
          assertThat(rejected.get(3).get("error").asText()).contains("does not end on its line");
          assertThat(rejected.get(4).get("error").asText()).contains("JSON object");
          assertThat(r.json().get("added").asInt()).isEqualTo(3);
          for (String id : List.of("n0", "n9", "n11")) {
            assertThat(client.get("/api/documents/" + id).code()).as(id).isEqualTo(200);
          }
          assertThat(client.get("/api/documents/n0").json().get("body").asText())
              .endsWith("Bản số 12.");
          // after the first record, a record over several lines is refused, not merged
          Http.Answer middle =
              client.post(rec("m0", 0) + "\n" + pretty(rec("m1", 1)) + "\n" + rec("m5", 5), TOKEN);
          assertThat(middle.json().get("added").asInt()).isEqualTo(2);
          assertThat(rejectedIndexes(middle.json())).contains(1);
          assertThat(client.get("/api/documents/m1").code()).isEqualTo(404);
          assertThat(client.get("/api/documents/m5").code()).isEqualTo(200);
        });
  }

  @Test
  void invalidUtf8InTheQueryIsRefusedAsInABody() throws IOException {
    JavalinTest.test(
        app(),
        (server, ignored) -> {
          Http client = new Http(server.port());
          // "Hà Nội" percent-encoded from Windows-1258 bytes, and a cut UTF-8 sequence
          for (String q : List.of("H%E0%20N%F4i", "h%C3", "%FF%FE")) {
            Http.Answer r = client.get("/api/search?q=" + q);
            assertThat(r.code()).as(q).isEqualTo(400);
            assertThat(r.json().get("message").asText()).as(q).contains("UTF-8");
          }
          Http.Answer district = client.get("/api/search?district=Ho%E0ng%20Mai");
          assertThat(district.code()).isEqualTo(400);
          Http.Answer body =
              client.postBytes(
                  "{\"id\":\"cp\",\"body\":\"H\u00e0 N\u00f4i, s\u00e1ng 19-10.\"}"
                      .getBytes(StandardCharsets.ISO_8859_1),
                  TOKEN);
          assertThat(body.code()).isEqualTo(400);
          assertThat(body.json().get("message").asText()).contains("UTF-8");
          // the same words in UTF-8 are searched
          assertThat(client.get("/api/search?q=H%C3%A0%20N%E1%BB%99i").code()).isEqualTo(200);
        });
  }

  @Test
  void aRequestOfMoreThanTenThousandRecordsIs413AndWritesNothing() throws IOException {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i <= 10_000; i++) {
      body.append(
              JSON.writeValueAsString(
                  JSON.createObjectNode()
                      .put("id", "many-" + i)
                      .put("body", SeedRecords.opening(i))))
          .append('\n');
    }
    JavalinTest.test(
        app(),
        (server, ignored) -> {
          Http client = new Http(server.port());
          Http.Answer r = client.post(body.toString(), TOKEN);
          assertThat(r.code()).isEqualTo(413);
          assertThat(r.json().get("error").asText()).isEqualTo("too_large");
          assertThat(r.json().get("message").asText()).contains("10,000 records");
          assertThat(client.documents()).isEqualTo(5);
        });
  }

  @Test
  void anAbortedUploadIsA400LoggedInOneWarnLine() throws IOException {
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    String answer;
    try {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      answer = abortedUpload();
    } finally {
      System.setErr(err);
    }
    assertThat(answer).startsWith("HTTP/1.1 400").contains("\"incomplete_body\"");
    List<String> warn =
        log.toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.contains("DocumentController"))
            .toList();
    assertThat(warn)
        .singleElement()
        .satisfies(l -> assertThat(l).contains("WARN").contains("ended after"));
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ", "ERROR");
  }

  private String abortedUpload() throws IOException {
    String[] answer = new String[1];
    JavalinTest.test(
        app(ServerConfig.local(0, TOKEN).withIdleTimeout(700)),
        // the test reads the log itself
        new io.javalin.testtools.TestConfig(true, false),
        (server, ignored) -> {
          try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(
                ("POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + TOKEN
                        + "\r\nContent-Length: 100000\r\n\r\n"
                        + rec("stalled", 1))
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            s.setSoTimeout(10_000);
            answer[0] = readAll(s.getInputStream());
          }
          assertThat(new Http(server.port()).documents()).isEqualTo(5);
        });
    return answer[0];
  }

  private static String readAll(java.io.InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] b = new byte[8192];
    try {
      for (int n; (n = in.read(b)) > 0; ) {
        buf.write(b, 0, n);
      }
    } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
      // what came before the server closed or went quiet is the answer
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theTooLongPartOfARequestIsNamed() throws IOException {
    JavalinTest.test(
        app(),
        (server, ignored) -> {
          Http client = new Http(server.port());
          Http.Answer district = client.get("/api/search?q=x&district=" + "a".repeat(9_000));
          assertThat(district.code()).isEqualTo(414);
          assertThat(district.json().get("message").asText())
              .contains("the parameter district (9,009 bytes)")
              .doesNotContain("q allows");
          Http.Answer q = client.get("/api/search?district=x&q=" + "a".repeat(9_000));
          assertThat(q.json().get("message").asText()).contains("the parameter q (9,002 bytes)");
          Http.Answer header = client.get("/api/search?q=x", "X-Padding", "a".repeat(9_000));
          assertThat(header.code()).isEqualTo(431);
          assertThat(header.json().get("message").asText()).contains("The largest is X-Padding");
          // beyond what Jetty reads at all, still JSON that says which part
          Http.Answer huge = client.get("/api/search?q=" + "a".repeat(70_000));
          assertThat(huge.code()).isEqualTo(414);
          assertThat(huge.json().get("message").asText()).contains("request line");
        });
  }

  @Test
  void aBlankTokenTurnsWritesOff() throws IOException {
    JavalinTest.test(
        app(ServerConfig.local(0, "   ")),
        (server, ignored) -> {
          Http.Answer r = new Http(server.port()).post(rec("blank", 1), "   ");
          assertThat(r.code()).isEqualTo(403);
          assertThat(r.json().get("message").asText()).contains("VNPRESS_TOKEN");
        });
  }
}
