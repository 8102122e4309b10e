package org.vnpress.bench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a bench's figures as one JSON line and keeps a copy under {@code WORK/results/}. */
final class BenchResults {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchResults() {}

  static String json(Object result) throws JsonProcessingException {
    return JSON.writeValueAsString(result);
  }

  static void save(Path work, String name, Object result) throws IOException {
    Path dir = work.resolve("results");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name + ".json"), json(result) + "\n", StandardCharsets.UTF_8);
  }
}
