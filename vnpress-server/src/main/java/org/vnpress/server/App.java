package org.vnpress.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import java.util.function.Supplier;
import org.vnpress.extract.Sources;
import org.vnpress.index.ReleaseWriter;
import org.vnpress.search.SearchBackend;

/**
 * The vnpress web application: the JSON API under {@code /api/} and the search page at {@code /}.
 */
public final class App {

  /** Sent with every answer: the page runs only its own scripts and talks only to its origin. */
  static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
              + "form-action 'self'; frame-ancestors 'none'",
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "no-referrer",
          "X-Frame-Options",
          "DENY");

  private App() {}

  /** JSON as the API writes it: ISO dates, no nulls dropped (clients rely on every key). */
  public static ObjectMapper json() {
    return new ObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  public static Javalin create(SearchBackend backend, Sources sources, ServerConfig cfg) {
    return create(backend, () -> sources, cfg);
  }

  /**
   * As {@link #create(SearchBackend, Sources, ServerConfig)}, with the extraction (gazetteer and
   * all) asked for only when a document is written: a server answers searches before it has loaded.
   */
  public static Javalin create(SearchBackend backend, Supplier<Sources> sources, ServerConfig cfg) {
    Metrics metrics = new Metrics(backend);
    SearchController search = new SearchController(metrics.searching(backend));
    DocumentController documents = new DocumentController(backend, sources, cfg.token(), metrics);
    PageController page = new PageController(backend);
    SuggestController suggest = new SuggestController(backend);
    ExportController export = new ExportController(backend);
    FeedController feed = new FeedController(backend);
    FactsController facts = new FactsController(metrics.searching(backend));
    return Javalin.create(
        config -> {
          config.jsonMapper(new JavalinJackson(json(), false));
          config.http.maxRequestSize = ServerConfig.MAX_BODY_BYTES;
          config.jetty.host = cfg.host();
          config.jetty.port = cfg.port();
          config.startup.showJavalinBanner = false;
          // above the API's own limits, which name the part of a request that is too long
          config.jetty.modifyHttpConfiguration(
              http -> http.setRequestHeaderSize(ServerConfig.HTTP_HEADER_BUFFER_BYTES));
          config.jetty.modifyServer(
              server -> {
                server.setErrorHandler(ErrorMapper.jettyErrors());
                server.setRequestLog(new AccessLog(cfg.accessLog(), metrics));
                // connectors exist only once the server starts: set their timeout then
                server.addEventListener(
                    new org.eclipse.jetty.util.component.LifeCycle.Listener() {
                      @Override
                      public void lifeCycleStarting(
                          org.eclipse.jetty.util.component.LifeCycle event) {
                        for (var c : server.getConnectors()) {
                          if (c instanceof org.eclipse.jetty.server.AbstractConnector a) {
                            a.setIdleTimeout(cfg.idleTimeoutMs());
                          }
                        }
                      }
                    });
              });
          config.router.handlerWrapper(ErrorMapper::guard);
          config.router.javaLangErrorHandler(ErrorMapper::lastResort);
          config.staticFiles.add(
              files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "no-cache");
              });
          config.routes.before(
              ctx -> {
                SECURITY_HEADERS.forEach(ctx::header);
                if (cfg.corsOrigin() != null && ctx.path().startsWith("/api/")) {
                  ctx.header("Access-Control-Allow-Origin", cfg.corsOrigin());
                  ctx.header("Vary", "Origin");
                }
                RequestLimits.check(ctx);
              });
          config.routes.get("/", page::page);
          config.routes.get("/api/health", ctx -> ctx.json(health(backend)));
          config.routes.get("/api/search", search::search);
          config.routes.get("/api/suggest", suggest::suggest);
          config.routes.get("/api/export", export::export);
          config.routes.get("/api/citations", facts::citations);
          config.routes.get("/api/people", facts::people);
          config.routes.get("/feed", feed::feed);
          config.routes.get("/api/documents/{id}", documents::get);
          config.routes.post("/api/documents", documents::post);
          config.routes.delete("/api/documents/{id}", documents::delete);
          config.routes.get("/api/openapi.json", OpenApi::serve);
          if (cfg.metrics()) {
            config.routes.get(
                "/metrics",
                ctx ->
                    ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
          }
          ErrorMapper.register(config.routes);
        });
  }

  static Health health(SearchBackend backend) throws java.io.IOException {
    ReleaseWriter.State w = backend.writerState();
    return new Health(w.ok() ? "ok" : "degraded", backend.count(), w.ok() ? "ok" : w.problem());
  }

  /**
   * {@code GET /api/health}: {@code status} is {@code ok}, or {@code degraded} when the index
   * writer failed (then {@code writer} says how) until a later write commits.
   */
  public record Health(String status, long documents, String writer) {}
}
