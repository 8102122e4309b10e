package org.vnpress.server;

import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's view of every request, also those it refuses before the application sees them (a URI or
 * headers too long): one access-log line each, and the request metrics.
 */
final class AccessLog implements RequestLog {

  /** Request attribute naming the route that answered, e.g. {@code /api/documents/{id}}. */
  static final String ENDPOINT = "vnpress.endpoint";

  private static final Logger LOG = LoggerFactory.getLogger("org.vnpress.access");

  private final ServerConfig.AccessLog mode;
  private final Metrics metrics;

  AccessLog(ServerConfig.AccessLog mode, Metrics metrics) {
    this.mode = mode;
    this.metrics = metrics;
  }

  @Override
  public void log(Request request, Response response) {
    long ms = NanoTime.millisSince(request.getBeginNanoTime());
    int status = response.getStatus();
    HttpURI uri = request.getHttpURI();
    String path = uri == null || uri.getPath() == null ? "?" : uri.getPath();
    Object endpoint = request.getAttribute(ENDPOINT);
    metrics.request(
        request.getMethod(),
        endpoint != null ? endpoint.toString() : path.startsWith("/api/") ? "unmatched" : "static",
        status,
        ms);
    if (mode == ServerConfig.AccessLog.OFF) {
      return;
    }
    String shown =
        mode == ServerConfig.AccessLog.QUERY && uri != null && uri.getQuery() != null
            ? path + "?" + uri.getQuery()
            : path;
    LOG.info(
        "{} {} {} {} ms {} B {}",
        request.getMethod(),
        shown,
        status,
        ms,
        Response.getContentBytesWritten(response),
        Request.getRemoteAddr(request));
  }
}
