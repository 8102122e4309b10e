package org.vnpress.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnpress.extract.Sources;
import org.vnpress.index.Ingest;
import org.vnpress.index.IngestResult;
import org.vnpress.index.ReleaseRules;
import org.vnpress.search.SearchBackend;

/**
 * {@code /api/documents}: read one release, add or replace releases, delete one. A write request is
 * read as it arrives (one record in memory at a time), checked, kept on disk, and then written as
 * one batch: wholly or not at all.
 */
final class DocumentController {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentController.class);

  private final SearchBackend backend;
  private final Supplier<Sources> sources;
  private final byte[] token;
  private final Metrics metrics;

  DocumentController(
      SearchBackend backend, Supplier<Sources> sources, String token, Metrics metrics) {
    this.backend = backend;
    this.sources = sources;
    this.token = ServerConfig.writesOn(token) ? token.getBytes(StandardCharsets.UTF_8) : null;
    this.metrics = metrics;
  }

  void get(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    ctx.json(
        backend.document(id).orElseThrow(() -> ApiException.notFound("no document with id " + id)));
  }

  void post(Context ctx) throws IOException {
    // a client without the token is answered at once: nothing of its body is read, and a thread
    // is never held for it
    authorize(ctx);
    Body body = new Body(ctx::bodyInputStream);
    IngestResult result;
    try {
      if (ctx.req().getContentLengthLong() > ServerConfig.MAX_BODY_BYTES) {
        throw tooLarge();
      }
      result = write(ctx, body);
    } catch (ApiException e) {
      body.discardRest(ctx.header("Expect"), ctx.req().getContentLengthLong());
      throw e;
    }
    metrics.written(result);
    ctx.json(result);
  }

  private IngestResult write(Context ctx, Body body) throws IOException {
    long t0 = System.nanoTime();
    Sources extraction = sources.get();
    try (Ingest.Request request = Ingest.request(backend)) {
      RequestRecords.read(
          body,
          new RequestRecords.Sink() {
            @Override
            public void record(int position, String origin, JsonNode node) throws IOException {
              request.add(position, extraction.record(origin, node));
            }

            @Override
            public void malformed(int position, String origin, String reason) throws IOException {
              request.add(position, new Sources.Rejected(origin, reason));
            }
          });
      IngestResult result = request.apply();
      LOG.info(
          "write from {}: {} records, added {}, replaced {}, rejected {} ({} bytes, {} ms)",
          ctx.ip(),
          request.records(),
          result.added(),
          result.replaced(),
          result.rejected().size(),
          body.count,
          (System.nanoTime() - t0) / 1_000_000);
      return result;
    } catch (IOException | RuntimeException e) {
      LOG.warn("write from {} refused after {} bytes: {}", ctx.ip(), body.count, e.getMessage());
      throw e;
    }
  }

  void delete(Context ctx) throws IOException {
    authorize(ctx);
    String id = ctx.pathParam("id");
    if (ReleaseRules.idProblem(id) != null) {
      throw ApiException.badRequest(ReleaseRules.idProblem(id));
    }
    boolean deleted = backend.delete(id);
    LOG.info("delete from {}: id {}, {}", ctx.ip(), id, deleted ? "deleted" : "unknown");
    if (!deleted) {
      throw ApiException.notFound("no document with id " + id);
    }
    metrics.deleted();
    ctx.json(new Deleted(id, true));
  }

  /** {@code DELETE} answer. */
  record Deleted(String id, boolean deleted) {}

  private void authorize(Context ctx) {
    if (token == null) {
      throw new ApiException(
          403, "writes_disabled", "writes are off: start the server with VNPRESS_TOKEN set");
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      throw new ApiException(401, "unauthorized", "send Authorization: Bearer <token>");
    }
    byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    // constant time: the comparison does not reveal how much of the token matched
    if (!MessageDigest.isEqual(given, token)) {
      throw new ApiException(401, "unauthorized", "the token is not valid");
    }
  }

  static ApiException tooLarge() {
    return new ApiException(
        413,
        "too_large",
        "the request body is larger than "
            + (ServerConfig.MAX_BODY_BYTES >> 20)
            + " MB; split it into smaller requests");
  }

  /**
   * The request body, counted: more than {@link ServerConfig#MAX_BODY_BYTES} is refused, and a body
   * that stops arriving (the client closed the connection or went silent) is an {@link
   * BodyAborted}, not a server error.
   */
  private static final class Body extends InputStream {
    /** What is read and dropped after a refusal, at most. */
    static final long LINGER_BYTES = 2L * ServerConfig.MAX_BODY_BYTES;

    static final long LINGER_NANOS = 10_000_000_000L;

    private final Supplier<InputStream> stream;
    private InputStream in;
    long count;

    /** The stream is taken at the first read: taking it answers an {@code Expect: 100-continue}. */
    Body(Supplier<InputStream> stream) {
      this.stream = stream;
    }

    private InputStream in() {
      if (in == null) {
        in = stream.get();
      }
      return in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = in().read(b, off, len);
      } catch (IOException e) {
        throw new BodyAborted(count, e);
      }
      if (n > 0) {
        count += n;
        if (count > ServerConfig.MAX_BODY_BYTES) {
          throw tooLarge();
        }
      }
      return n;
    }

    /**
     * Reads and drops what the client is still sending after a refusal, so that the answer reaches
     * it: a socket closed with unread bytes is reset, and the reset can overtake the answer (the
     * lingering close of nginx). At most {@link #LINGER_BYTES} in all, for at most ten seconds; a
     * client that sent {@code Expect: 100-continue} and was never asked for the body sends none.
     */
    void discardRest(String expect, long declared) {
      if ((in == null && "100-continue".equalsIgnoreCase(expect)) || declared > LINGER_BYTES) {
        return;
      }
      long deadline = System.nanoTime() + LINGER_NANOS;
      byte[] sink = new byte[64 * 1024];
      try {
        for (int n; count < LINGER_BYTES && System.nanoTime() < deadline; count += n) {
          if ((n = in().read(sink)) < 0) {
            return;
          }
        }
      } catch (IOException e) {
        // the client is gone: there is nobody left to answer
      }
    }
  }

  /** The client stopped sending the body before its end. */
  static final class BodyAborted extends IOException {
    BodyAborted(long received, IOException cause) {
      super(
          "the request body ended after "
              + received
              + " bytes, before it was complete ("
              + (cause.getCause() instanceof java.util.concurrent.TimeoutException
                  ? "the client went silent"
                  : "the client closed the connection")
              + "); nothing was written",
          cause);
    }
  }
}
