package org.vnpress.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vnpress.extract.InputRecord;

/** Streams the records of a (gzipped) JSONL corpus, up to a count, so no phase holds them all. */
final class CorpusReader {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Receives records in file order. */
  interface Sink {
    void accept(InputRecord r) throws IOException;
  }

  private CorpusReader() {}

  static int read(Path file, int limit, Sink sink) throws IOException {
    int n = 0;
    try (InputStream raw = Files.newInputStream(file);
        InputStream in =
            file.toString().endsWith(".gz")
                ? new java.util.zip.GZIPInputStream(raw, 1 << 16)
                : raw;
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      for (String line = r.readLine(); line != null && n < limit; line = r.readLine()) {
        if (!line.isBlank()) {
          sink.accept(JSON.readValue(line, InputRecord.class));
          n++;
        }
      }
    }
    return n;
  }

  /** UTF-8 bytes of a record's text (title and body): the raw size an index is compared with. */
  static long rawBytes(InputRecord r) {
    long b = utf8Length(r.body());
    return r.title() == null ? b : b + utf8Length(r.title());
  }

  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** Total size of the files in a folder. */
  static long folderBytes(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /** Deletes a folder tree, quietly. */
  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
