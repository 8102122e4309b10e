package org.vnpress.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.javalin.validation.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnpress.index.Ingest;
import org.vnpress.search.BackendUnavailableException;
import org.vnpress.search.BadRequestException;

/** The one place where exceptions become HTTP statuses and {@code {error, message}} JSON. */
final class ErrorMapper {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  /**
   * Wraps every handler: names its route for the access log and metrics, and turns an {@link Error}
   * (out of memory, stack overflow) into a JSON 503 instead of a broken answer; the index writer
   * rolls its batch back on its own.
   */
  static Handler guard(Endpoint endpoint) {
    Handler handler = endpoint.handler;
    boolean route = endpoint.method.isHttpMethod();
    return ctx -> {
      if (route) {
        ctx.attribute(AccessLog.ENDPOINT, endpoint.path);
      }
      try {
        handler.handle(ctx);
      } catch (Error e) {
        throw new ServerError(e);
      }
    };
  }

  /** An {@link Error} raised while answering a request. */
  static final class ServerError extends RuntimeException {
    ServerError(Error cause) {
      super(cause);
    }
  }

  /** For an Error Javalin meets outside a handler: still JSON, never an empty 500. */
  static void lastResort(HttpServletResponse res, Error e) {
    LOG.error("request failed: {}", e.toString(), e);
    try {
      if (!res.isCommitted()) {
        res.resetBuffer();
        res.setStatus(503);
        res.setContentType("application/json; charset=utf-8");
        res.getOutputStream()
            .write(
                App.json()
                    .writeValueAsBytes(
                        new ApiError("unavailable", "the server is short of memory; try again")));
      }
    } catch (IOException | RuntimeException | Error ignored) {
      // nothing more can be said to this client
    }
  }

  static void register(RoutesConfig routes) {
    routes.exception(
        ApiException.class, (e, ctx) -> send(ctx, e.status(), e.code(), e.getMessage()));
    routes.exception(
        BadRequestException.class, (e, ctx) -> send(ctx, 400, "bad_request", e.getMessage()));
    routes.exception(
        BackendUnavailableException.class,
        (e, ctx) -> send(ctx, 503, "unavailable", e.getMessage()));
    routes.exception(
        ValidationException.class, (e, ctx) -> send(ctx, 400, "bad_request", invalidParameters(e)));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          // a path the page does not know gets the page's own Vietnamese 404, the API JSON
          if (e.getStatus() == 404 && !ctx.path().startsWith("/api/")) {
            PageController.notFound(ctx);
          } else {
            send(ctx, e.getStatus(), code(e.getStatus()), message(e));
          }
        });
    // logged by the controller, in one line: a client that stops sending is not a server fault
    routes.exception(
        DocumentController.BodyAborted.class,
        (e, ctx) -> send(ctx, 400, "incomplete_body", e.getMessage()));
    routes.exception(
        Ingest.TooManyRecordsException.class,
        (e, ctx) -> send(ctx, 413, "too_large", e.getMessage()));
    routes.exception(
        Ingest.WriteFailedException.class,
        (e, ctx) -> {
          LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
          send(ctx, 503, "unavailable", e.getMessage());
        });
    routes.exception(
        ServerError.class,
        (e, ctx) -> {
          LOG.error("request {} {} failed: {}", ctx.method(), ctx.path(), e.getCause().toString());
          send(
              ctx,
              503,
              "unavailable",
              e.getCause() instanceof OutOfMemoryError
                  ? "the server ran short of memory for this request; nothing of it was written:"
                      + " send a smaller one or try again"
                  : "the server could not answer this request now; try again");
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
          send(ctx, 500, "internal_error", "the server could not answer this request");
        });
    routes.error(
        404,
        ctx -> {
          if (ctx.resultInputStream() == null) {
            if (ctx.path().startsWith("/api/")) {
              send(ctx, 404, "not_found", "no such endpoint: " + ctx.path());
            } else {
              PageController.notFound(ctx);
            }
          }
        });
    routes.error(
        405,
        ctx -> {
          if (ctx.resultInputStream() == null) {
            send(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed here");
          }
        });
  }

  /**
   * Errors that Jetty answers before a request reaches Javalin (a URI or headers too long, a
   * malformed request line) as {@code {error, message}} JSON too, not Jetty's HTML page.
   */
  static ErrorHandler jettyErrors() {
    return new ErrorHandler() {
      @Override
      protected void generateResponse(
          Request request,
          Response response,
          int status,
          String message,
          Throwable cause,
          Callback callback)
          throws IOException {
        String text =
            switch (status) {
              case 414 ->
                  "the request line (method, path and query string) is longer than "
                      + (ServerConfig.HTTP_HEADER_BUFFER_BYTES >> 10)
                      + " KB; q allows 1,000 characters";
              case 431 ->
                  "the request headers are larger than "
                      + (ServerConfig.HTTP_HEADER_BUFFER_BYTES >> 10)
                      + " KB in all";
              case 413 ->
                  "the request body is larger than " + (ServerConfig.MAX_BODY_BYTES >> 20) + " MB";
              case 404 -> "not found";
              default -> status >= 500 ? "the server could not answer this request" : "bad request";
            };
        byte[] body = App.json().writeValueAsBytes(new ApiError(code(status), text));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        App.SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
        response.write(true, ByteBuffer.wrap(body), callback);
      }
    };
  }

  /** "page must be a whole number": Javalin's validation errors, one sentence. */
  static String invalidParameters(ValidationException e) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    e.getErrors()
        .forEach(
            (name, errors) -> {
              for (var err : errors) {
                parts.add(
                    "TYPE_CONVERSION_FAILED".equals(err.getMessage())
                        ? name + " must be a whole number"
                        : err.getMessage());
              }
            });
    return parts.isEmpty()
        ? "invalid parameter: " + e.getErrors().keySet()
        : String.join("; ", parts);
  }

  private static String message(HttpResponseException e) {
    return switch (e.getStatus()) {
      case 413 -> "the request body is larger than " + (ServerConfig.MAX_BODY_BYTES >> 20) + " MB";
      default -> e.getMessage();
    };
  }

  private static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal_error" : "error";
    };
  }

  static void send(Context ctx, int status, String code, String message) {
    ctx.status(status).json(new ApiError(code, message));
  }
}
