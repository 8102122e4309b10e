package org.vnpress.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.vnpress.search.BackendUnavailableException;

/**
 * The HTTP transport to a cluster's nodes, with fail-over: each request goes to the node that
 * answered last and moves on to the next when that one cannot be reached, dies mid-request or
 * answers 502/503/504; only when every node fails is the cluster unavailable. Plain JDK HTTP and
 * Jackson, no client library.
 */
final class OpenSearchHosts implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A node's answer: status and JSON body. */
  record Answer(int status, JsonNode body) {}

  /** The nodes to send requests to, tried in turn when one cannot be reached. */
  private final List<URI> hosts;

  /** The node that answered last: requests start there. */
  private volatile int current;

  private final HttpClient http;

  OpenSearchHosts(List<URI> hosts) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("no OpenSearch address given");
    }
    this.hosts =
        hosts.stream()
            .map(URI::toString)
            .map(s -> URI.create(s.endsWith("/") ? s : s + "/"))
            .toList();
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The node requests go to now (for messages). */
  URI current() {
    return hosts.get(current);
  }

  Answer call(String method, String path, String body, String contentType) throws IOException {
    int first = current;
    BackendUnavailableException last = null;
    for (int k = 0; k < hosts.size(); k++) {
      int i = (first + k) % hosts.size();
      try {
        Answer a = call(hosts.get(i), method, path, body, contentType);
        current = i;
        return a;
      } catch (BackendUnavailableException e) {
        // every request here is a search, a read or a write by id: safe to send to the next node
        last = e;
      }
    }
    throw last;
  }

  Answer json(String method, String path, JsonNode body) throws IOException {
    return call(
        method, path, body == null ? null : JSON.writeValueAsString(body), "application/json");
  }

  private Answer call(URI base, String method, String path, String body, String contentType)
      throws IOException {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (body == null) {
      rb.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      rb.header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    HttpResponse<String> r;
    try {
      r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // refused, timed out, or a node that died mid-request: the cluster, not the caller, failed
      throw new BackendUnavailableException(
          "the search cluster at "
              + base
              + " is unreachable ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for OpenSearch", e);
    }
    JsonNode json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    if (r.statusCode() == 503 || r.statusCode() == 502 || r.statusCode() == 504) {
      throw new BackendUnavailableException(
          "the search cluster at " + base + " cannot answer now (" + reason(json) + ")", null);
    }
    return new Answer(r.statusCode(), json);
  }

  static String reason(JsonNode json) {
    JsonNode e = json.path("error");
    return e.isTextual() ? e.asText() : e.path("reason").asText(json.toString());
  }

  static IOException failed(String what, Answer a) {
    return new IOException(what + " failed with HTTP " + a.status() + ": " + reason(a.body()));
  }

  @Override
  public void close() {
    http.close();
  }
}
