package org.vnpress.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vnpress.search.BackendUnavailableException;

/**
 * Several nodes given with {@code --backend}: a request moves on to the next node when one cannot
 * be reached, and stays with the node that answered. The live node here is a JDK HTTP server that
 * answers {@code _count} as OpenSearch does; the real two-node kill is in FailoverOpenSearchIT.
 */
class OpenSearchHostsTest {

  private HttpServer node;
  private final AtomicInteger answered = new AtomicInteger();

  @BeforeEach
  void startNode() throws IOException {
    node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    node.createContext(
        "/vnpress/_count",
        x -> {
          answered.incrementAndGet();
          byte[] body = "{\"count\":7}".getBytes(StandardCharsets.UTF_8);
          x.getResponseHeaders().add("Content-Type", "application/json");
          x.sendResponseHeaders(200, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    node.start();
  }

  @AfterEach
  void stopNode() {
    node.stop(0);
  }

  private URI live() {
    return URI.create("http://127.0.0.1:" + node.getAddress().getPort());
  }

  private static URI down() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort());
    }
  }

  @Test
  void aDownNodeIsSkippedAndTheLiveOneAnswers() throws IOException {
    OpenSearchBackend b = OpenSearchBackend.attach(List.of(down(), live()), "vnpress");
    assertThat(b.count()).isEqualTo(7);
    assertThat(b.count()).isEqualTo(7);
    assertThat(answered).hasValue(2);
  }

  @Test
  void everyNodeDownIsUnavailableNamingTheLastTried() throws IOException {
    URI first = down();
    URI second = down();
    OpenSearchBackend b = OpenSearchBackend.attach(List.of(first, second), "vnpress");
    assertThatThrownBy(b::count)
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("unreachable")
        .hasMessageContaining(second.toString());
  }
}
