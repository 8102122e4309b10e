package org.vnpress.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the hardening tests: exact methods, headers and bodies, on loopback. */
final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** One answer. */
  record Answer(int code, String contentType, String body, java.net.http.HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final int port;

  Http(int port) {
    this.port = port;
  }

  Answer send(String method, String path, String body, String... headers) {
    return exchange(
        method,
        path,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body),
        headers);
  }

  Answer postBytes(byte[] body, String token) {
    return exchange(
        "POST",
        "/api/documents",
        HttpRequest.BodyPublishers.ofByteArray(body),
        "Content-Type",
        "application/json",
        "Authorization",
        "Bearer " + token);
  }

  /**
   * A write sent as a client of large uploads sends it: {@code Expect: 100-continue}, the body only
   * once the server asks for it.
   */
  Answer postAskingFirst(String body, String token) {
    return exchange(
        "POST",
        "/api/documents",
        HttpRequest.BodyPublishers.ofString(body),
        true,
        "Content-Type",
        "application/json",
        "Authorization",
        "Bearer " + token);
  }

  /** A write of unknown length: chunked, as a client streaming from a file or a pipe sends it. */
  Answer postChunked(byte[] body, String token) {
    return exchange(
        "POST",
        "/api/documents",
        HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)),
        "Content-Type",
        "application/json",
        "Authorization",
        "Bearer " + token);
  }

  private Answer exchange(
      String method, String path, HttpRequest.BodyPublisher body, String... headers) {
    return exchange(method, path, body, false, headers);
  }

  private Answer exchange(
      String method,
      String path,
      HttpRequest.BodyPublisher body,
      boolean expectContinue,
      String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .expectContinue(expectContinue)
            .method(method, body);
    if (headers.length > 0) {
      b.headers(headers);
    }
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Answer get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  Answer post(String body, String token) {
    return token == null
        ? send("POST", "/api/documents", body, "Content-Type", "application/json")
        : send(
            "POST",
            "/api/documents",
            body,
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer " + token);
  }

  int documents() {
    return get("/api/health").json().get("documents").asInt();
  }
}
