package org.vnpress.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads the inputs of {@code vnpress index}: raw press releases ({@code .txt}, {@code .html}),
 * JSONL records ({@code .jsonl}, {@code .jsonl.gz}) and folders of them. Every problem becomes a
 * {@link Rejected} item naming the file (and line) and the reason; reading goes on.
 */
public final class Sources {

  /** Largest raw file or JSONL line accepted: beyond it a release is not a press release. */
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** One input item: a release, or a rejection. */
  public sealed interface Item permits Accepted, Rejected {}

  /** A release read from {@code origin} ({@code file} or {@code file:line}). */
  public record Accepted(String origin, PressRelease release) implements Item {}

  /** An input that was not indexed, and why. */
  public record Rejected(String origin, String reason) implements Item {}

  /** Receives items as they are read. */
  public interface Sink {
    void accept(Item item) throws IOException;
  }

  private final Extractor extractor;

  public Sources(Extractor extractor) {
    this.extractor = extractor;
  }

  /** The files a path stands for, in a stable order; a missing path is a rejection. */
  public static List<Path> expand(Path path, Sink sink) throws IOException {
    if (!Files.exists(path)) {
      sink.accept(new Rejected(path.toString(), "no such file or folder"));
      return List.of();
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.walk(path)) {
      return s.filter(Files::isRegularFile).filter(Sources::isInput).sorted().toList();
    }
  }

  static boolean isInput(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".txt")
        || n.endsWith(".html")
        || n.endsWith(".htm")
        || n.endsWith(".jsonl")
        || n.endsWith(".jsonl.gz");
  }

  /** Reads every input under the paths, in order. */
  public void read(List<Path> paths, Sink sink) throws IOException {
    for (Path p : paths) {
      for (Path f : expand(p, sink)) {
        readFile(f, sink);
      }
    }
  }

  /** Reads one file. */
  public void readFile(Path f, Sink sink) throws IOException {
    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) {
        readJsonl(f, name.endsWith(".gz"), sink);
      } else if (isInput(f)) {
        readRaw(f, name.endsWith(".html") || name.endsWith(".htm"), sink);
      } else {
        sink.accept(new Rejected(f.toString(), "not a .txt, .html, .jsonl or .jsonl.gz file"));
      }
    } catch (NoSuchFileException e) {
      sink.accept(new Rejected(f.toString(), "no such file"));
    }
  }

  private void readRaw(Path f, boolean html, Sink sink) throws IOException {
    long size = Files.size(f);
    if (size > MAX_BYTES) {
      sink.accept(
          new Rejected(f.toString(), "file is larger than the " + (MAX_BYTES >> 20) + " MB limit"));
      return;
    }
    byte[] bytes = Files.readAllBytes(f);
    String text;
    try {
      text = decode(bytes);
    } catch (CharacterCodingException e) {
      sink.accept(new Rejected(f.toString(), e.getMessage()));
      return;
    }
    if (html) {
      text = HtmlText.toText(text);
    }
    if (text.isBlank()) {
      sink.accept(new Rejected(f.toString(), "empty file"));
      return;
    }
    String stem = f.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    PressRelease r = extractor.fromText(stem, text);
    if (r.body().isBlank()) {
      sink.accept(new Rejected(f.toString(), "no article text after the title and date line"));
      return;
    }
    sink.accept(new Accepted(f.toString(), r));
  }

  /** Strict UTF-8 (BOM allowed); anything else is refused with the reason. */
  static String decode(byte[] bytes) throws CharacterCodingException {
    for (byte b : bytes) {
      if (b == 0) {
        throw new CharacterCodingException() {
          @Override
          public String getMessage() {
            return "binary file (NUL bytes), not text";
          }
        };
      }
    }
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return d.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new CharacterCodingException() {
        @Override
        public String getMessage() {
          return "not UTF-8 text; convert it to UTF-8 first";
        }
      };
    }
  }

  private void readJsonl(Path f, boolean gz, Sink sink) throws IOException {
    try (InputStream raw = Files.newInputStream(f);
        InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(
                    in,
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16)) {
      int n = 0;
      while (true) {
        String line;
        try {
          line = lines.readLine();
        } catch (CharacterCodingException e) {
          sink.accept(new Rejected(f + ":" + (n + 1), "not UTF-8 text; the rest of the file is skipped"));
          return;
        }
        if (line == null) {
          break;
        }
        n++;
        if (line.isBlank()) {
          continue;
        }
        String origin = f + ":" + n;
        Item item = record(origin, line);
        sink.accept(item);
      }
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      sink.accept(new Rejected(f.toString(), "not a readable gzip file (" + e.getMessage() + ")"));
    }
  }

  /** One JSONL line or one JSON object of an HTTP request, as an item. */
  public Item record(String origin, String json) {
    if (json.length() > MAX_BYTES) {
      return new Rejected(origin, "record is larger than the " + (MAX_BYTES >> 20) + " MB limit");
    }
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return new Rejected(origin, "malformed JSON: " + e.getOriginalMessage());
    }
    return record(origin, node);
  }

  /** A parsed JSON record as an item. */
  public Item record(String origin, JsonNode node) {
    if (node == null || !node.isObject()) {
      return new Rejected(origin, "a record must be a JSON object");
    }
    JsonNode body = node.get("body");
    if (body == null || !body.isTextual() || body.asText().isBlank()) {
      return new Rejected(origin, "missing \"body\" (the only required field)");
    }
    List<String> problems = new ArrayList<>();
    InputRecord r =
        new InputRecord(
            text(node, "id", problems),
            text(node, "title", problems),
            body.asText(),
            text(node, "date", problems),
            text(node, "url", problems),
            text(node, "source", problems));
    if (!problems.isEmpty()) {
      return new Rejected(origin, String.join("; ", problems));
    }
    try {
      PressRelease p = extractor.fromRecord(r);
      if (p.body().isBlank()) {
        return new Rejected(origin, "no article text in \"body\"");
      }
      return new Accepted(origin, p);
    } catch (IllegalArgumentException e) {
      return new Rejected(origin, e.getMessage());
    }
  }

  private static String text(JsonNode node, String field, List<String> problems) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isNumber() && field.equals("id")) {
      return v.asText();
    }
    problems.add("\"" + field + "\" must be a string");
    return null;
  }
}
