package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.search.LuceneBackend;
import org.vnpress.server.App;
import org.vnpress.server.ServerConfig;

/**
 * Slow, stalled and vanishing HTTP clients: the server closes idle connections after its timeout
 * and indexes nothing from a request whose body never fully arrived.
 */
class SlowClientTest {

  private static final String TOKEN = "slow-client-token-42";
  private static final long IDLE_MS = 700;

  private static Javalin app() throws IOException {
    return App.create(
        new LuceneBackend(Fixtures.seedIndex()),
        new Sources(Extractor.standard()),
        ServerConfig.local(0, TOKEN).withIdleTimeout(IDLE_MS));
  }

  /** Milliseconds until the server closes the connection (or answers and closes). */
  private static long closedAfter(Socket s) throws IOException {
    long t0 = System.nanoTime();
    s.setSoTimeout(10_000);
    InputStream in = s.getInputStream();
    byte[] b = new byte[4096];
    try {
      while (in.read(b) >= 0) {
        // drain whatever the server says before it closes
      }
    } catch (java.net.SocketException e) {
      // reset by the server: closed as well
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void halfSentHeadersAreDroppedAfterTheIdleTimeout() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(
                "GET /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(closedAfter(s)).isBetween(IDLE_MS / 2, 8_000L);
          }
        });
  }

  @Test
  void stalledBodyIndexesNothing() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Http http = new Http(server.port());
          String rec = "{\"id\":\"stalled\",\"body\":\"Sáng 19-10, Hội nghị lần thứ mười sáu.\"}\n";
          try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(
                ("POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer "
                        + TOKEN
                        + "\r\nContent-Type: application/x-ndjson\r\n"
                        + "Content-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(rec.getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(closedAfter(s)).isLessThan(8_000L);
          }
          assertThat(http.get("/api/documents/stalled").code()).isEqualTo(404);
          assertThat(http.documents()).isEqualTo(5);
        });
  }

  @Test
  void clientVanishingMidBodyIndexesNothingAndTheServerGoesOn() throws IOException {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Http http = new Http(server.port());
          String rec = "{\"id\":\"gone\",\"body\":\"Sáng 19-10, Hội nghị lần thứ mười sáu.\"}\n";
          for (int i = 0; i < 20; i++) {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
              OutputStream out = s.getOutputStream();
              out.write(
                  ("POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          + "Authorization: Bearer "
                          + TOKEN
                          + "\r\nContent-Type: application/x-ndjson\r\n"
                          + "Content-Length: 5000\r\n\r\n")
                      .getBytes(StandardCharsets.ISO_8859_1));
              out.write(rec.getBytes(StandardCharsets.UTF_8));
              out.flush();
            } // closed with the body unfinished
          }
          assertThat(http.get("/api/documents/gone").code()).isEqualTo(404);
          assertThat(http.documents()).isEqualTo(5);
          assertThat(http.get("/api/search?q=x").code()).isEqualTo(200);
        });
  }
}
