package org.vnpress.server;

import java.util.Locale;

/**
 * How the server runs.
 *
 * @param host address to bind; 127.0.0.1 unless told otherwise
 * @param port TCP port
 * @param token bearer token for writes ({@code VNPRESS_TOKEN}); null or blank turns writes off
 * @param corsOrigin an origin allowed to call the API from a browser, or null for none
 * @param idleTimeoutMs a connection silent this long is closed, so slow or stalled clients cannot
 *     hold server threads and connections
 * @param accessLog what the access log says of each request ({@code VNPRESS_ACCESS_LOG})
 * @param metrics whether {@code GET /metrics} answers ({@code VNPRESS_METRICS})
 */
public record ServerConfig(
    String host,
    int port,
    String token,
    String corsOrigin,
    long idleTimeoutMs,
    AccessLog accessLog,
    boolean metrics) {

  /** Largest request body: bigger ingests must be split. */
  public static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

  /** Default idle timeout: long enough for a slow 32 MB upload to keep flowing. */
  public static final long IDLE_TIMEOUT_MS = 30_000;

  /** Longest request URI (path and query string) the API reads. */
  public static final int MAX_URI_BYTES = 8 * 1024;

  /** Most bytes of request headers the API reads. */
  public static final int MAX_HEADER_BYTES = 8 * 1024;

  /**
   * What Jetty itself accepts for the request line and headers together: above the API's own
   * limits, so that the API can say which part of a request is too long.
   */
  static final int HTTP_HEADER_BUFFER_BYTES = 64 * 1024;

  /** One line per request in the log {@code org.vnpress.access}, or none. */
  public enum AccessLog {
    /** No access log. */
    OFF,
    /** Method, path, status, milliseconds, bytes and client: never the query's text. */
    PATH,
    /** As {@link #PATH}, with the query string: what people searched for goes into the log. */
    QUERY;

    /** From {@code VNPRESS_ACCESS_LOG}: {@code off}, {@code path} (unset), {@code query}. */
    public static AccessLog of(String setting) {
      if (setting == null || setting.isBlank()) {
        return PATH;
      }
      try {
        return valueOf(setting.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "VNPRESS_ACCESS_LOG must be off, path or query, not " + setting);
      }
    }
  }

  public ServerConfig(String host, int port, String token, String corsOrigin) {
    this(host, port, token, corsOrigin, IDLE_TIMEOUT_MS, AccessLog.PATH, true);
  }

  /** The same configuration with another idle timeout. */
  public ServerConfig withIdleTimeout(long ms) {
    return new ServerConfig(host, port, token, corsOrigin, ms, accessLog, metrics);
  }

  /** The same configuration with another access log and metrics setting. */
  public ServerConfig withOperations(AccessLog log, boolean metricsOn) {
    return new ServerConfig(host, port, token, corsOrigin, idleTimeoutMs, log, metricsOn);
  }

  public static ServerConfig local(int port, String token) {
    return new ServerConfig("127.0.0.1", port, token, null);
  }

  /** Whether a token turns writes on: a blank one does not (no request could match it). */
  public static boolean writesOn(String token) {
    return token != null && !token.isBlank();
  }

  /** {@code VNPRESS_METRICS}: {@code on} (unset) or {@code off}. */
  public static boolean metricsSetting(String setting) {
    if (setting == null || setting.isBlank()) {
      return true;
    }
    return switch (setting.strip().toLowerCase(Locale.ROOT)) {
      case "on", "true", "1" -> true;
      case "off", "false", "0" -> false;
      default ->
          throw new IllegalArgumentException("VNPRESS_METRICS must be on or off, not " + setting);
    };
  }
}
