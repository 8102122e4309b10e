package org.vnpress.server;

/**
 * How the server runs.
 *
 * @param host address to bind; 127.0.0.1 unless told otherwise
 * @param port TCP port
 * @param token bearer token for writes ({@code VNPRESS_TOKEN}); null turns writes off
 * @param corsOrigin an origin allowed to call the API from a browser, or null for none
 * @param idleTimeoutMs a connection silent this long is closed, so slow or stalled clients cannot
 *     hold server threads and connections
 */
public record ServerConfig(
    String host, int port, String token, String corsOrigin, long idleTimeoutMs) {

  /** Largest request body: bigger ingests must be split. */
  public static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

  /** Default idle timeout: long enough for a slow 32 MB upload to keep flowing. */
  public static final long IDLE_TIMEOUT_MS = 30_000;

  public ServerConfig(String host, int port, String token, String corsOrigin) {
    this(host, port, token, corsOrigin, IDLE_TIMEOUT_MS);
  }

  /** The same configuration with another idle timeout. */
  public ServerConfig withIdleTimeout(long ms) {
    return new ServerConfig(host, port, token, corsOrigin, ms);
  }

  public static ServerConfig local(int port, String token) {
    return new ServerConfig("127.0.0.1", port, token, null);
  }
}
