package org.vnpress.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.vnpress.extract.Sources;

/**
 * Reads the records of a {@code POST /api/documents} body as the bytes arrive, one record in memory
 * at a time: a JSON object, a JSON array of objects, or NDJSON (JSON values separated by line
 * breaks; a value may span lines). Jackson's non-blocking parser is fed one line at a time, so
 * after a malformed NDJSON record reading resumes on the next line.
 *
 * <ul>
 *   <li>An NDJSON record is numbered by the 0-based line it starts on, blank lines counted; an
 *       array element by its 0-based index.
 *   <li>A malformed NDJSON record is rejected alone; a malformed array, or an array followed by
 *       anything but whitespace, refuses the whole request (its records cannot be told apart).
 *   <li>Bytes that are not UTF-8 refuse the whole request, as does an empty body.
 * </ul>
 */
final class RequestRecords {

  /** Receives the records in order. */
  interface Sink {
    /** A parsed record at {@code position}; {@code origin} names it ("line 3", "record 3"). */
    void record(int position, String origin, JsonNode node) throws IOException;

    /** A record that could not be parsed. */
    void malformed(int position, String origin, String reason) throws IOException;
  }

  /** The largest record: as for a line of a JSONL file. */
  static final int MAX_RECORD_BYTES = Sources.MAX_BYTES;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              // deeply nested JSON is refused before it can exhaust the stack
              StreamReadConstraints.builder()
                  .maxNestingDepth(64)
                  .maxStringLength(MAX_RECORD_BYTES)
                  .build())
          .build();

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private enum Shape {
    UNKNOWN,
    ARRAY,
    VALUES
  }

  private final Sink sink;
  private final Utf8Check utf8 = new Utf8Check();
  private JsonParser parser;
  private ByteArrayFeeder feeder;
  private Shape shape = Shape.UNKNOWN;
  private boolean arrayClosed;
  private int arrayIndex;

  /** 0-based line of the bytes being fed. */
  private int line;

  /** After a malformed NDJSON record: the rest of its line is dropped. */
  private boolean skipping;

  /** Depth of the open record (0: none open); the tree being built unless the record is too big. */
  private int depth;

  private Tree tree;
  private boolean tooBig;
  private long recordBytes;
  private int recordPosition;
  private int recordLine;
  private boolean anyRecord;

  private RequestRecords(Sink sink) throws IOException {
    this.sink = sink;
    newParser();
  }

  /** Reads every record of the body into the sink. */
  static void read(InputStream body, Sink sink) throws IOException {
    new RequestRecords(sink).readAll(body);
  }

  private void newParser() throws IOException {
    if (parser != null) {
      parser.close();
    }
    parser = JSON.createNonBlockingByteArrayParser();
    feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
  }

  private void readAll(InputStream in) throws IOException {
    byte[] buf = new byte[64 * 1024];
    int n = in.readNBytes(buf, 0, BOM.length);
    int start = n == BOM.length && java.util.Arrays.equals(buf, 0, n, BOM, 0, n) ? n : 0;
    boolean lineStartsInBuffer = true;
    while (n > 0) {
      utf8.check(buf, start, n);
      int pos = start;
      while (pos < n) {
        int nl = pos;
        while (nl < n && buf[nl] != '\n') {
          nl++;
        }
        int end = nl < n ? nl + 1 : n;
        if (!skipping) {
          feed(buf, pos, end, lineStartsInBuffer);
        }
        pos = end;
        lineStartsInBuffer = nl < n;
        if (nl < n) {
          line++;
          skipping = false;
        }
      }
      start = 0;
      n = in.read(buf);
    }
    utf8.end();
    feeder.endOfInput();
    try {
      pull();
    } catch (JsonProcessingException e) {
      if (shape == Shape.ARRAY) {
        throw ApiException.badRequest("the JSON array is not closed: the body ends inside it");
      }
      int at = depth > 0 ? recordLine : line;
      sink.malformed(at, "line " + at, "malformed JSON: " + e.getOriginalMessage());
      anyRecord = true;
    }
    parser.close();
    if (shape == Shape.ARRAY && !arrayClosed) {
      throw ApiException.badRequest("the JSON array is not closed: the body ends inside it");
    }
    if (!anyRecord && !arrayClosed) {
      throw ApiException.badRequest(
          "the request body is empty: send a JSON record, a JSON array or NDJSON");
    }
  }

  /** Feeds one piece of one line; {@code wholeLine}: the piece starts where its line starts. */
  private void feed(byte[] buf, int from, int to, boolean wholeLine) throws IOException {
    if (depth > 0) {
      recordBytes += to - from;
      if (recordBytes > MAX_RECORD_BYTES && !tooBig) {
        // read on to the record's end without keeping it
        tooBig = true;
        tree = null;
      }
    }
    feeder.feedInput(buf, from, to);
    try {
      pull();
      if (depth > 0 && shape == Shape.VALUES && anyRecord && buf[to - 1] == '\n') {
        // only a body's first value may spread over lines; NDJSON records end on theirs
        throw new com.fasterxml.jackson.core.JsonParseException(
            parser, "the record does not end on its line (NDJSON: one record a line)");
      }
    } catch (JsonProcessingException e) {
      if (shape == Shape.ARRAY) {
        throw arrayClosed
            ? trailer()
            : ApiException.badRequest(
                String.format(
                    Locale.ROOT,
                    "malformed JSON in the array at record %d (line %d): %s",
                    depth > 0 ? recordPosition : arrayIndex,
                    line,
                    e.getOriginalMessage()));
      }
      int at = depth > 0 ? recordLine : line;
      boolean restart = depth > 0 && recordLine < line && wholeLine;
      sink.malformed(at, "line " + at, "malformed JSON: " + e.getOriginalMessage());
      anyRecord = true;
      shape = Shape.VALUES;
      depth = 0;
      tree = null;
      tooBig = false;
      newParser();
      if (restart) {
        // the broken record began on an earlier line: this line may hold the next record
        feed(buf, from, to, false);
      } else {
        skipping = true;
      }
    }
  }

  private ApiException trailer() {
    return ApiException.badRequest(
        "a JSON array must be the whole body, but something follows it on line " + line);
  }

  /** Takes every token that the bytes fed so far make. */
  private void pull() throws IOException {
    for (JsonToken t = parser.nextToken();
        t != null && t != JsonToken.NOT_AVAILABLE;
        t = parser.nextToken()) {
      token(t);
    }
  }

  private void token(JsonToken t) throws IOException {
    if (shape == Shape.UNKNOWN) {
      shape = t == JsonToken.START_ARRAY ? Shape.ARRAY : Shape.VALUES;
      if (shape == Shape.ARRAY) {
        return; // the array itself; its elements are the records
      }
    }
    if (shape == Shape.ARRAY) {
      if (arrayClosed) {
        throw trailer();
      }
      if (depth == 0 && t == JsonToken.END_ARRAY) {
        arrayClosed = true;
        return;
      }
    }
    if (depth == 0) {
      recordPosition = shape == Shape.ARRAY ? arrayIndex++ : line;
      recordLine = line;
      recordBytes = 0;
      tooBig = false;
      tree = new Tree();
    }
    if (tree != null) {
      tree.token(t, parser);
    }
    if (t.isStructStart()) {
      depth++;
    } else if (t.isStructEnd()) {
      depth--;
    }
    if (depth == 0) {
      String origin = (shape == Shape.ARRAY ? "record " : "line ") + recordPosition;
      anyRecord = true;
      if (tooBig) {
        sink.malformed(
            recordPosition,
            origin,
            "record is larger than the " + (MAX_RECORD_BYTES >> 20) + " MB limit");
      } else {
        sink.record(recordPosition, origin, tree.root);
      }
      tree = null;
    }
  }

  /** Builds one record's tree from its tokens. */
  private static final class Tree {
    private final Deque<JsonNode> open = new ArrayDeque<>();
    private String field;
    JsonNode root;

    void token(JsonToken t, JsonParser p) throws IOException {
      JsonNodeFactory f = JsonNodeFactory.instance;
      switch (t) {
        case START_OBJECT -> push(f.objectNode());
        case START_ARRAY -> push(f.arrayNode());
        case END_OBJECT, END_ARRAY -> open.pop();
        case FIELD_NAME -> field = p.currentName();
        case VALUE_STRING -> add(f.textNode(p.getText()));
        case VALUE_NUMBER_INT ->
            add(
                switch (p.getNumberType()) {
                  case INT -> f.numberNode(p.getIntValue());
                  case LONG -> f.numberNode(p.getLongValue());
                  default -> f.numberNode(p.getBigIntegerValue());
                });
        case VALUE_NUMBER_FLOAT -> add(f.numberNode(p.getDecimalValue()));
        case VALUE_TRUE -> add(f.booleanNode(true));
        case VALUE_FALSE -> add(f.booleanNode(false));
        case VALUE_NULL -> add(f.nullNode());
        default -> {
          // VALUE_EMBEDDED_OBJECT does not occur in JSON text
        }
      }
    }

    private void push(JsonNode n) {
      add(n);
      open.push(n);
    }

    private void add(JsonNode n) {
      JsonNode parent = open.peek();
      if (parent == null) {
        root = n;
      } else if (parent instanceof ObjectNode o) {
        o.set(field, n);
      } else {
        ((ArrayNode) parent).add(n);
      }
    }
  }

  /** Strict UTF-8 over a stream of chunks: a sequence may be cut between two chunks. */
  private static final class Utf8Check {
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer pending = ByteBuffer.allocate(64 * 1024 + 8);
    private final CharBuffer scratch = CharBuffer.allocate(16 * 1024);

    void check(byte[] b, int from, int to) {
      int pos = from;
      while (pos < to) {
        int take = Math.min(to - pos, pending.remaining());
        pending.put(b, pos, take);
        pos += take;
        pending.flip();
        decode(false);
        pending.compact();
      }
    }

    void end() {
      pending.flip();
      decode(true);
      pending.clear();
    }

    private void decode(boolean last) {
      while (true) {
        scratch.clear();
        CoderResult r = decoder.decode(pending, scratch, last);
        if (r.isError()) {
          throw ApiException.badRequest("the request body is not UTF-8 text; send JSON in UTF-8");
        }
        if (r.isUnderflow()) {
          break;
        }
      }
      if (last) {
        scratch.clear();
        if (decoder.flush(scratch).isError() || pending.hasRemaining()) {
          throw ApiException.badRequest("the request body is not UTF-8 text; send JSON in UTF-8");
        }
      }
    }
  }
}
