package org.vnpress.server.browser;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.Sources;
import org.vnpress.index.PressIndex;
import org.vnpress.search.LuceneBackend;
import org.vnpress.server.App;
import org.vnpress.server.ServerConfig;

/**
 * The vnpress server the browser tests talk to: the real app on an in-memory index of the five
 * seeds, on a free port; or an already running instance named by -Dvnpress.web.baseUrl (handy while
 * working on the page against a bigger index).
 */
final class TestServer implements AutoCloseable {
  private final URI base;
  private final Stop running;

  /** Stops whatever start() started; nothing for an external server. */
  private interface Stop {
    void run() throws IOException;
  }

  private TestServer(URI base, Stop running) {
    this.base = base;
    this.running = running;
  }

  static TestServer start() throws IOException {
    return start(List.of());
  }

  /**
   * The seeds and the 35 resolutions of 2025 bundled in index-data/ (MIT): long facet lists (the
   * resolutions name hundreds of wards), dated and undated releases side by side.
   */
  static TestServer startBundled() throws IOException {
    return start(List.of(Fixtures.resolutions()));
  }

  private static TestServer start(List<Path> extra) throws IOException {
    String external = System.getProperty("vnpress.web.baseUrl", "");
    if (!external.isBlank()) {
      return new TestServer(URI.create(external.replaceAll("/+$", "")), () -> {});
    }
    PressIndex index = Fixtures.seedIndex();
    if (!extra.isEmpty()) {
      List<PressRelease> releases = new ArrayList<>();
      new Sources(Extractor.standard())
          .read(
              extra,
              item -> {
                if (item instanceof Sources.Accepted a) {
                  releases.add(a.release());
                }
              });
      index.write(releases);
    }
    LuceneBackend backend = new LuceneBackend(index);
    // Port 0: the OS picks a free port, so parallel builds on one machine do not collide.
    Javalin app =
        App.create(backend, new Sources(Extractor.standard()), ServerConfig.local(0, null)).start();
    return new TestServer(
        URI.create("http://127.0.0.1:" + app.port()),
        () -> {
          app.stop();
          backend.close();
        });
  }

  /** The origin, without a trailing slash, e.g. http://127.0.0.1:41234. */
  URI base() {
    return base;
  }

  @Override
  public void close() throws IOException {
    running.run();
  }
}
