package org.vnpress.hardening;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vnpress.Fixtures;

/** JSON records of real text for write tests: the seeds' bodies, each copy with its own id. */
final class SeedRecords {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> BODIES = bodies();

  private SeedRecords() {}

  private static List<String> bodies() {
    List<String> out = new ArrayList<>();
    for (Path p : Fixtures.seedFiles()) {
      try {
        out.add(Files.readString(p, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The id of record {@code i} of a batch. */
  static String id(String batch, int i) {
    return String.format(Locale.ROOT, "%s-%04d", batch, i);
  }

  /** The text of record {@code i}: a seed's, marked with its number so that every copy differs. */
  static String body(int i) {
    return BODIES.get(i % BODIES.size()) + "\n\nBản số " + i + ".";
  }

  /** The first line of a seed's text with at least a few words: a short record. */
  static String opening(int i) {
    return BODIES
        .get(i % BODIES.size())
        .lines()
        .filter(l -> l.strip().length() > 40)
        .findFirst()
        .orElseThrow();
  }

  /** One record: a seed's text, marked with its number so that every copy differs. */
  static String record(String id, int i) {
    try {
      return JSON.writeValueAsString(JSON.createObjectNode().put("id", id).put("body", body(i)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code n} records as NDJSON, ids {@code batch-0000…}. */
  static String ndjson(String batch, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(record(id(batch, i), i)).append('\n');
    }
    return out.toString();
  }
}
