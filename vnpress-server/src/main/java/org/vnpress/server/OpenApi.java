package org.vnpress.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** {@code GET /api/openapi.json}: the API description shipped with the server. */
final class OpenApi {
  private OpenApi() {}

  static void serve(Context ctx) throws IOException {
    try (InputStream in = OpenApi.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw ApiException.notFound("no API description in this build");
      }
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }
}
