package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnpress.Fixtures;
import org.vnpress.index.PressIndex;
import org.vnpress.search.LuceneBackend;

/**
 * Faults that need a second process, on the shaded jar: {@code kill -9} in the middle of a long
 * {@code index} run, and a second process on an index that a server holds.
 */
class CrashIT {

  private static final int RECORDS = 1_200;
  private static final int COMMIT_EVERY = 100;

  @TempDir Path dir;

  private ProcessBuilder vnpress(String name, String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx512m",
                "--add-modules",
                "jdk.incubator.vector",
                "-jar",
                System.getProperty("vnpress.jar")));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .directory(dir.toFile())
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile());
  }

  private String read(String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  /** Records r0000… built from the seeds, each with its own id and a line of its own. */
  private Path records() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> bodies = new ArrayList<>();
    for (Path p : Fixtures.seedFiles()) {
      bodies.add(Files.readString(p, StandardCharsets.UTF_8));
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < RECORDS; i++) {
      out.append(
              json.writeValueAsString(
                  json.createObjectNode()
                      .put("id", id(i))
                      .put("body", bodies.get(i % bodies.size()) + "\n\nBản số " + i + ".")))
          .append('\n');
    }
    return Files.writeString(dir.resolve("records.jsonl"), out.toString());
  }

  private static String id(int i) {
    return String.format(java.util.Locale.ROOT, "r%04d", i);
  }

  /** The generation of the newest commit in an index folder, 0 before the first. */
  private static long commitGeneration(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(index)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("segments_"))
          .mapToLong(n -> Long.parseLong(n.substring("segments_".length()), Character.MAX_RADIX))
          .max()
          .orElse(0);
    }
  }

  @Test
  void killNineDuringIndexLosesNoCommittedDocumentAndTheRerunFinishes() throws Exception {
    Path records = records();
    Path index = dir.resolve("index");
    String[] args = {
      "index",
      "--index",
      index.toString(),
      "--commit-every",
      String.valueOf(COMMIT_EVERY),
      records.toString()
    };
    Process p = vnpress("first", args).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    // two commits made and the run still going: the kill lands between commits
    while (commitGeneration(index) < 3 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(p.isAlive())
        .as("the run was still going when killed: " + read("first.err"))
        .isTrue();
    p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(137);

    int committed;
    try (PressIndex idx = PressIndex.open(index)) {
      committed = idx.count();
      assertThat(committed).isPositive().isLessThan(RECORDS);
      // commits fall on whole intervals, and records go in file order: exactly r0000…r(n-1)
      assertThat(committed % COMMIT_EVERY).isZero();
      LuceneBackend search = new LuceneBackend(idx);
      for (int i = 0; i < committed; i++) {
        assertThat(search.document(id(i))).as(id(i)).isPresent();
      }
      assertThat(search.document(id(committed))).isEmpty();
      assertThat(search.search(org.vnpress.search.SearchRequest.of("Hoàng Mai")).total())
          .isPositive();
    }

    Process again = vnpress("second", args).start();
    assertThat(again.waitFor(600, TimeUnit.SECONDS)).isTrue();
    assertThat(again.exitValue()).as(read("second.err")).isZero();
    Matcher m =
        Pattern.compile(
                "added (\\d+), replaced (\\d+), rejected 0; the index holds (\\d+) documents")
            .matcher(read("second.out"));
    assertThat(m.find()).as(read("second.out")).isTrue();
    assertThat(Integer.parseInt(m.group(2))).isEqualTo(committed);
    assertThat(Integer.parseInt(m.group(1))).isEqualTo(RECORDS - committed);
    assertThat(Integer.parseInt(m.group(3))).isEqualTo(RECORDS);
  }

  @Test
  void secondProcessOnAServedIndexIsToldItIsInUse() throws Exception {
    Path index = dir.resolve("index");
    Process serve = vnpress("serve", "serve", "--index", index.toString(), "--port", "0").start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!read("serve.out").contains("vnpress serves") && System.nanoTime() < deadline) {
        assertThat(serve.isAlive()).as(read("serve.err")).isTrue();
        Thread.sleep(50);
      }
      Process second =
          vnpress(
                  "second",
                  "index",
                  "--index",
                  index.toString(),
                  Fixtures.seeds().toAbsolutePath().toString())
              .start();
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      // the JVM's own notice about the incubator module is not vnpress output
      String err =
          read("second.err")
              .lines()
              .filter(l -> !l.startsWith("WARNING: Using incubator modules"))
              .collect(java.util.stream.Collectors.joining("\n"));
      assertThat(second.exitValue()).isEqualTo(1);
      assertThat(err.strip())
          .startsWith("vnpress: the index")
          .contains("is in use by another vnpress process");
      assertThat(err.strip().lines()).hasSize(1);
      assertThat(err).doesNotContain("\tat ", "Exception");
    } finally {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
