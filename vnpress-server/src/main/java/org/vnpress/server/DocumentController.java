package org.vnpress.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.Sources;
import org.vnpress.search.IngestResult;
import org.vnpress.search.SearchBackend;

/** {@code /api/documents}: read one release, add or replace releases, delete one. */
final class DocumentController {

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // deeply nested JSON is refused before it can exhaust the stack
    JSON.getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
  }

  private final SearchBackend backend;
  private final Supplier<Sources> sources;
  private final byte[] token;

  DocumentController(SearchBackend backend, Supplier<Sources> sources, String token) {
    this.backend = backend;
    this.sources = sources;
    this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  void get(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    ctx.json(
        backend.document(id).orElseThrow(() -> ApiException.notFound("no document with id " + id)));
  }

  void post(Context ctx) throws IOException {
    authorize(ctx);
    List<Parsed> records = parse(utf8(ctx.bodyAsBytes()));
    Map<String, Integer> byId = new LinkedHashMap<>();
    List<PressRelease> accepted = new ArrayList<>();
    List<IngestResult.Rejection> rejected = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Parsed p = records.get(i);
      Sources.Item item =
          p.error() != null
              ? new Sources.Rejected("record " + i, p.error())
              : sources.get().record("record " + i, p.node());
      if (item instanceof Sources.Accepted a) {
        Integer earlier = byId.put(a.release().id(), i);
        if (earlier != null) {
          // the last record with an id wins; the earlier one is reported, not indexed
          accepted.removeIf(r -> r.id().equals(a.release().id()));
          rejected.add(
              new IngestResult.Rejection(
                  earlier, "duplicate id " + a.release().id() + ": replaced by record " + i));
        }
        accepted.add(a.release());
      } else if (item instanceof Sources.Rejected r) {
        rejected.add(new IngestResult.Rejection(i, r.reason()));
      }
    }
    rejected.sort(java.util.Comparator.comparingInt(IngestResult.Rejection::index));
    ctx.json(backend.ingest(accepted, rejected));
  }

  void delete(Context ctx) throws IOException {
    authorize(ctx);
    String id = ctx.pathParam("id");
    if (!backend.delete(id)) {
      throw ApiException.notFound("no document with id " + id);
    }
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

  /** The body as strict UTF-8: a lenient decoder would index U+FFFD in place of every bad byte. */
  static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(body))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw ApiException.badRequest("the request body is not UTF-8 text; send JSON in UTF-8");
    }
  }

  /** One record of a request: parsed, or why it could not be. */
  record Parsed(JsonNode node, String error) {}

  /** A JSON object, a JSON array of objects, or NDJSON. */
  static List<Parsed> parse(String body) {
    String b = body.strip();
    if (b.isEmpty()) {
      throw ApiException.badRequest(
          "the request body is empty: send a JSON record, array or NDJSON");
    }
    List<Parsed> out = new ArrayList<>();
    try (JsonParser p = JSON.getFactory().createParser(b)) {
      JsonNode first = JSON.readTree(p);
      if (first != null && first.isArray() && p.nextToken() == null) {
        first.forEach(n -> out.add(new Parsed(n, null)));
        return out;
      }
      if (p.nextToken() == null) {
        out.add(new Parsed(first, null));
        return out;
      }
    } catch (JsonProcessingException e) {
      // not one JSON value: read it as NDJSON below
    } catch (IOException e) {
      throw ApiException.badRequest("unreadable body");
    }
    String[] lines = b.split("\n");
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(new Parsed(JSON.readTree(line), null));
      } catch (JsonProcessingException e) {
        out.add(new Parsed(null, "malformed JSON: " + e.getOriginalMessage()));
      }
    }
    return out;
  }
}
