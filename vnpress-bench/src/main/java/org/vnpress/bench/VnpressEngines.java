package org.vnpress.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.search.BadRequestException;
import org.vnpress.search.LuceneBackend;
import org.vnpress.search.SearchRequest;
import org.vnpress.search.SearchResponse;
import org.vnpress.server.App;
import org.vnpress.server.ServerConfig;

/** vnpress as the query bench drives it: the backend in-process, and the real app over HTTP. */
final class VnpressEngines {

  private VnpressEngines() {}

  static SearchRequest request(QueryMix.Query q) {
    Map<String, List<String>> filters =
        q.district() != null
            ? Map.of("district", List.of(q.district()))
            : q.quarter() != null ? Map.of("quarter", List.of(q.quarter())) : Map.of();
    return SearchRequest.of(q.q()).withFilters(filters);
  }

  /** {@link LuceneBackend#search}: the work behind one page of results, without HTTP. */
  static SearchEngine inProcess(LuceneBackend backend) {
    return new SearchEngine() {
      @Override
      public String name() {
        return "vnpress";
      }

      @Override
      public Client client() {
        return q -> {
          SearchResponse r;
          try {
            r = backend.search(request(q));
          } catch (BadRequestException e) {
            throw new Refused(e.getMessage());
          }
          return r.total();
        };
      }
    };
  }

  /** The app on a free loopback port; clients are java.net.http requests to /api/search. */
  static SearchEngine overHttp(LuceneBackend backend) {
    // only the HTTP layer is measured here: the app's type stays behind var, server/ owns Javalin
    // no access log: thousands of request lines would bury the bench's own output
    ServerConfig local = ServerConfig.local(0, null);
    ServerConfig quiet =
        new ServerConfig(
            local.host(),
            local.port(),
            local.token(),
            local.corsOrigin(),
            local.idleTimeoutMs(),
            ServerConfig.AccessLog.OFF,
            local.metrics());
    var app = App.create(backend, new Sources(Extractor.standard()), quiet);
    app.start();
    int port = app.port();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return new SearchEngine() {
      @Override
      public String name() {
        return "vnpress";
      }

      @Override
      public Client client() {
        return q -> {
          StringBuilder url =
              new StringBuilder("http://127.0.0.1:")
                  .append(port)
                  .append("/api/search?q=")
                  .append(enc(q.q()));
          if (q.district() != null) {
            url.append("&district=").append(enc(q.district()));
          }
          if (q.quarter() != null) {
            url.append("&quarter=").append(enc(q.quarter()));
          }
          HttpResponse<byte[]> r =
              http.send(
                  HttpRequest.newBuilder(URI.create(url.toString()))
                      .timeout(Duration.ofSeconds(30))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
          if (r.statusCode() == 400) {
            throw new Refused(new String(r.body(), StandardCharsets.UTF_8));
          }
          if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " for " + url);
          }
          return total(r.body());
        };
      }

      @Override
      public void close() {
        app.stop();
      }
    };
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * The {@code "total":n} of an answer, read without a full parse (the client's cost is not ours).
   */
  static long total(byte[] json) {
    String head = new String(json, 0, Math.min(json.length, 2_000), StandardCharsets.UTF_8);
    int i = head.indexOf("\"total\":");
    if (i < 0) {
      throw new IllegalStateException("no total in the answer");
    }
    int j = i + 8;
    int k = j;
    while (k < head.length() && Character.isDigit(head.charAt(k))) {
      k++;
    }
    return Long.parseLong(head.substring(j, k));
  }
}
