package org.vnpress.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.opensearch.OpenSearchBackend;

/** With the search cluster unreachable the API answers 503 JSON that says so. */
class ApiUnavailableTest {

  private static int closedPort() throws IOException {
    // a port that was free a moment ago: nothing listens there
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void searchIs503JsonWhenTheClusterIsDown() throws IOException {
    OpenSearchBackend down =
        OpenSearchBackend.attach(URI.create("http://127.0.0.1:" + closedPort()), "vnpress");
    JavalinTest.test(
        App.create(down, new Sources(Extractor.standard()), ServerConfig.local(0, null)),
        (server, client) -> {
          var r = client.get("/api/search?q=ha+noi");
          assertThat(r.code()).isEqualTo(503);
          JsonNode e = new ObjectMapper().readTree(r.body().string());
          assertThat(e.get("error").asText()).isEqualTo("unavailable");
          assertThat(e.get("message").asText()).contains("unreachable");
        });
  }
}
