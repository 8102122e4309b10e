package org.vnpress.server;

/**
 * How the server runs.
 *
 * @param host address to bind; 127.0.0.1 unless told otherwise
 * @param port TCP port
 * @param token bearer token for writes ({@code VNPRESS_TOKEN}); null turns writes off
 * @param corsOrigin an origin allowed to call the API from a browser, or null for none
 */
public record ServerConfig(String host, int port, String token, String corsOrigin) {

  /** Largest request body: bigger ingests must be split. */
  public static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

  public static ServerConfig local(int port, String token) {
    return new ServerConfig("127.0.0.1", port, token, null);
  }
}
