package org.vnpress.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    if (text.isBlank()) {
      sink.accept(new Rejected(f.toString(), "empty file"));
      return;
    }
    String stem = f.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    PressRelease r = html ? extractor.fromHtml(stem, text) : extractor.fromText(stem, text);
    if (r.body().isBlank()) {
      sink.accept(new Rejected(f.toString(), "no article text after the title and date line"));
      return;
    }
    sink.accept(new Accepted(f.toString(), r));
  }

  /**
   * Strict UTF-8 (BOM allowed), or UTF-16 with a byte-order mark; anything else is refused with the
   * reason, naming the kind of file when its first bytes tell it.
   */
  static String decode(byte[] bytes) throws CharacterCodingException {
    String kind = binaryKind(bytes);
    if (kind != null) {
      throw refusal(kind + ", not text");
    }
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
            || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      // the UTF-16 decoder reads the byte-order mark and drops it
      return strict(StandardCharsets.UTF_16, bytes, "not valid UTF-16 text");
    }
    int nul = 0;
    for (byte b : bytes) {
      if (b == 0) {
        nul++;
      }
    }
    if (nul > 0) {
      // Latin text in UTF-16 has a NUL in every other byte
      throw refusal(
          nul * 3 >= bytes.length
              ? "UTF-16 text without a byte-order mark; save it as UTF-8"
              : "binary file (NUL bytes), not text");
    }
    return strict(
        StandardCharsets.UTF_8,
        bytes,
        "not UTF-8 text (Windows-1258, TCVN3 or VNI bytes?); convert it to UTF-8 first");
  }

  /** What a binary file is, from its first bytes; null when it does not look binary. */
  private static String binaryKind(byte[] b) {
    if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
      return "a PDF file";
    }
    if (startsWith(b, 0x89, 'P', 'N', 'G')) {
      return "a PNG image";
    }
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return "a JPEG image";
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return "a GIF image";
    }
    if (startsWith(b, 'P', 'K', 3, 4) || startsWith(b, 'P', 'K', 5, 6)) {
      return "a ZIP archive (or a .docx/.xlsx file)";
    }
    if (startsWith(b, 0x1F, 0x8B)) {
      return "a gzip file (name it .jsonl.gz if it holds records)";
    }
    if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
      return "an old Office (.doc/.xls) file";
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static String strict(java.nio.charset.Charset cs, byte[] bytes, String reason)
      throws CharacterCodingException {
    CharsetDecoder d =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return d.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw refusal(reason);
    }
  }

  private static CharacterCodingException refusal(String reason) {
    return new CharacterCodingException() {
      @Override
      public String getMessage() {
        return reason;
      }
    };
  }

  private void readJsonl(Path f, boolean gz, Sink sink) throws IOException {
    try (InputStream raw = Files.newInputStream(f);
        InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw;
        InputStreamReader chars =
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      BoundedLines lines = new BoundedLines(chars, MAX_BYTES);
      int n = 0;
      while (true) {
        String line;
        try {
          line = lines.next();
        } catch (CharacterCodingException e) {
          sink.accept(
              new Rejected(f + ":" + (n + 1), "not UTF-8 text; the rest of the file is skipped"));
          return;
        }
        if (line == null) {
          break;
        }
        n++;
        String origin = f + ":" + n;
        if (lines.cut()) {
          sink.accept(
              new Rejected(
                  origin, "line is longer than the " + (MAX_BYTES >> 20) + " MB limit; skipped"));
          continue;
        }
        if (n == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        Item item = record(origin, line);
        sink.accept(item);
      }
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      sink.accept(new Rejected(f.toString(), "not a readable gzip file (" + e.getMessage() + ")"));
    }
  }

  /**
   * Lines of at most {@code max} chars. A longer line is skipped to its end without being held, so
   * one endless line cannot exhaust the heap as {@code BufferedReader.readLine} would.
   */
  static final class BoundedLines {
    private final java.io.Reader in;
    private final int max;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int len;
    private boolean cut;

    BoundedLines(java.io.Reader in, int max) {
      this.in = in;
      this.max = max;
    }

    /** True when the line {@link #next} returned was too long (and is returned empty). */
    boolean cut() {
      return cut;
    }

    /** The next line without its line break, or null at the end. */
    String next() throws IOException {
      line.setLength(0);
      cut = false;
      boolean any = false;
      while (true) {
        if (pos == len) {
          len = in.read(buf);
          pos = 0;
          if (len <= 0) {
            len = 0;
            return any ? finish() : null;
          }
        }
        any = true;
        int start = pos;
        while (pos < len && buf[pos] != '\n') {
          pos++;
        }
        int count = pos - start;
        if (!cut && line.length() + count <= max) {
          line.append(buf, start, count);
        } else {
          cut = true;
          line.setLength(0);
        }
        if (pos < len) {
          pos++; // the line break
          return finish();
        }
      }
    }

    private String finish() {
      int l = line.length();
      if (l > 0 && line.charAt(l - 1) == '\r') {
        line.setLength(l - 1);
      }
      return line.toString();
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
