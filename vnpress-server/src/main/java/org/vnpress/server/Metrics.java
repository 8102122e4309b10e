package org.vnpress.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.IngestResult;
import org.vnpress.search.DocumentView;
import org.vnpress.search.SearchBackend;
import org.vnpress.search.SearchRequest;
import org.vnpress.search.SearchResponse;

/**
 * What {@code GET /metrics} shows, in the Prometheus text format (Micrometer, as its Javalin plugin
 * does it): requests and their latency by endpoint and status, searches over their budget,
 * documents, index bytes, commits, writer errors, written records and the JVM's memory. Endpoints
 * are route patterns ({@code /api/documents/{id}}), never a request's own path or query.
 */
final class Metrics {

  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2_500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter overBudget;
  private final Counter added;
  private final Counter replaced;
  private final Counter rejected;
  private final Counter deleted;

  Metrics(SearchBackend backend) {
    Gauge.builder("vnpress.documents", backend, b -> orNaN(b::count))
        .description("documents in the index")
        .register(registry);
    Gauge.builder("vnpress.index.size", backend, b -> orNaN(b::sizeInBytes))
        .description("bytes the index takes on disk (-1: unknown)")
        .baseUnit("bytes")
        .register(registry);
    FunctionCounter.builder("vnpress.index.commits", backend, b -> b.writerState().commits())
        .description("write batches committed since the index was opened")
        .register(registry);
    FunctionCounter.builder("vnpress.index.writer.errors", backend, b -> b.writerState().errors())
        .description("failures inside the index writer; each rolled its batch back")
        .register(registry);
    Gauge.builder("vnpress.index.writer.ok", backend, b -> b.writerState().ok() ? 1 : 0)
        .description("1 when writes work, 0 after the writer failed until a batch commits again")
        .register(registry);
    // heap and the other memory pools: what the server needs shows under load
    new JvmMemoryMetrics().bindTo(registry);
    overBudget =
        Counter.builder("vnpress.search.over.budget")
            .description("searches whose time budget ran out: they answered partial results")
            .register(registry);
    added = written("added");
    replaced = written("replaced");
    rejected = written("rejected");
    deleted =
        Counter.builder("vnpress.documents.deleted")
            .description("documents deleted through the API")
            .register(registry);
  }

  private Counter written(String outcome) {
    return Counter.builder("vnpress.records.written")
        .description("records of write requests, by what became of them")
        .tag("outcome", outcome)
        .register(registry);
  }

  private interface Reading {
    long get() throws IOException;
  }

  private static double orNaN(Reading r) {
    try {
      return r.get();
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** One answered request. */
  void request(String method, String endpoint, int status, long millis) {
    Timer.builder("http.server.requests")
        .description("HTTP requests by endpoint and status")
        .tags("method", method, "endpoint", endpoint, "status", Integer.toString(status))
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(millis, TimeUnit.MILLISECONDS);
  }

  /** The backend as the API searches it: each answer cut short by its budget is counted. */
  SearchBackend searching(SearchBackend backend) {
    return new SearchBackend() {
      @Override
      public SearchResponse search(SearchRequest request) throws IOException {
        SearchResponse r = backend.search(request);
        if (r.partial()) {
          overBudget.increment();
        }
        return r;
      }

      @Override
      public Optional<DocumentView> document(String id) throws IOException {
        return backend.document(id);
      }

      @Override
      public boolean delete(String id) throws IOException {
        return backend.delete(id);
      }

      @Override
      public long count() throws IOException {
        return backend.count();
      }

      @Override
      public long sizeInBytes() throws IOException {
        return backend.sizeInBytes();
      }

      @Override
      public Prepared prepare(PressRelease release) throws IOException {
        return backend.prepare(release);
      }

      @Override
      public Batch begin() throws IOException {
        return backend.begin();
      }

      @Override
      public State writerState() {
        return backend.writerState();
      }

      @Override
      public void close() throws IOException {
        backend.close();
      }
    };
  }

  void written(IngestResult r) {
    added.increment(r.added());
    replaced.increment(r.replaced());
    rejected.increment(r.rejected().size());
  }

  void deleted() {
    deleted.increment();
  }

  String scrape() {
    return registry.scrape();
  }
}
