package org.vnpress.cli;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.index.PressIndex;
import org.vnpress.search.LuceneBackend;
import org.vnpress.search.SearchBackend;
import org.vnpress.server.App;
import org.vnpress.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vnpress serve}: the web page and the API, indexing the bundled data on first start. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the search page at / and the API at /api/.")
final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Mixin IndexOption index;

  @Option(names = "--host", description = "address to bind (default: ${DEFAULT-VALUE})")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "port (default: ${DEFAULT-VALUE})")
  int port = 7070;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "what to index when the index is empty (default: index-data/)")
  Path data;

  @Mixin BackendOption cluster;

  @Override
  public Integer call() throws Exception {
    String token = System.getenv("VNPRESS_TOKEN");
    Path bundled = data != null ? data : Main.home().resolve("index-data");
    SearchBackend backend;
    if (cluster.given()) {
      backend = cluster.open();
      if (backend.count() == 0 && Files.isDirectory(bundled)) {
        System.err.println("the cluster index is empty: indexing " + bundled + " first");
        IndexCommand.run(backend, List.of(bundled));
      }
    } else {
      backend = new LuceneBackend(PressIndex.open(index.resolve()));
      if (backend.count() == 0 && Files.isDirectory(bundled)) {
        System.err.println("the index is empty: indexing " + bundled + " first");
        IndexCommand.run(backend, List.of(bundled));
      }
    }
    warmUpInBackground(backend);
    ServerConfig cfg =
        new ServerConfig(host, port, token, System.getenv("VNPRESS_CORS_ORIGIN"))
            .withOperations(
                ServerConfig.AccessLog.of(System.getenv("VNPRESS_ACCESS_LOG")),
                ServerConfig.metricsSetting(System.getenv("VNPRESS_METRICS")));
    // the gazetteer and extraction rules load beside the server: only writes need them
    CompletableFuture<Sources> sources =
        CompletableFuture.supplyAsync(() -> new Sources(Extractor.standard()));
    Javalin app = App.create(backend, sources::join, cfg);
    exposureWarning(host, token).ifPresent(LOG::warn);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  try {
                    backend.close();
                  } catch (Exception e) {
                    LOG.warn("closing the index failed: {}", e.getMessage());
                  }
                  stopped.countDown();
                }));
    app.start();
    System.out.println(banner(host, app.port(), backend.count(), token));
    stopped.await();
    return 0;
  }

  /** The line that says the server is up, and whether it takes writes. */
  static String banner(String host, int port, long documents, String token) {
    return String.format(
        java.util.Locale.ROOT,
        "vnpress serves http://%s:%d/ (%d documents; writes %s)",
        host.contains(":") ? "[" + host + "]" : host,
        port,
        documents,
        ServerConfig.writesOn(token)
            ? "on"
            : token == null
                ? "off: set VNPRESS_TOKEN to enable them"
                : "off: VNPRESS_TOKEN is blank; set it to a secret to enable them");
  }

  /** Prepares the first search while the server starts; a failure only costs that first search. */
  private static void warmUpInBackground(SearchBackend backend) {
    Thread t =
        new Thread(
            () -> {
              long t0 = System.nanoTime();
              try {
                backend.warmUp();
                LOG.info("warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000);
              } catch (Exception e) {
                LOG.warn("warm-up failed ({}); the first search does that work", e.toString());
              }
            },
            "vnpress-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** What to tell the operator when the server is reachable from beyond this machine. */
  static java.util.Optional<String> exposureWarning(String host, String token) {
    if (isLoopback(host)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "bound to "
            + host
            + ": anyone who can reach this address can search"
            + (!ServerConfig.writesOn(token)
                ? "; writes are off (no VNPRESS_TOKEN)"
                : "; writes need the VNPRESS_TOKEN bearer token"));
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }
}
