package org.vnpress.server;

import io.javalin.http.Context;

/** Absolute links back to this server, for exports and feeds read elsewhere. */
final class Links {
  private Links() {}

  /** {@code http://host:port} as the client reached it. */
  static String base(Context ctx) {
    String url = ctx.fullUrl();
    int path = url.indexOf('/', url.indexOf("//") + 2);
    return path < 0 ? url : url.substring(0, path);
  }
}
