package org.vnpress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnpress.Fixtures;

/**
 * The shaded jar itself, as users run it: Lucene finds its codecs and analysis factories through
 * merged {@code META-INF/services}, so a jar that merged them wrongly fails here.
 */
class ShadedJarIT {

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  private Run vnpress(String... args) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-jar", System.getProperty("vnpress.jar")));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("vnpress finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void indexThenSearchJson() throws Exception {
    String index = dir.resolve("idx").toString();
    Run indexed = vnpress("index", "--index", index, Fixtures.seeds().toAbsolutePath().toString());
    assertThat(indexed.exit()).as(indexed.err()).isZero();
    assertThat(indexed.out()).contains("added 5, replaced 0, rejected 0");

    Run again = vnpress("index", "--index", index, Fixtures.seeds().toAbsolutePath().toString());
    assertThat(again.out())
        .contains("added 0, replaced 5, rejected 0; the index holds 5 documents");

    Run search = vnpress("search", "--index", index, "--json", "Hoàng", "Mai");
    assertThat(search.exit()).as(search.err()).isZero();
    JsonNode r = new ObjectMapper().readTree(search.out());
    assertThat(r.get("hits").get(0).get("id").asText()).isEqualTo(Fixtures.SEED_001);
    assertThat(r.get("facets").get("quarter")).isNotEmpty();
  }

  @Test
  void badInputsGiveOneLineEachAndAFailingExit() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "");
    Path latin =
        Files.write(dir.resolve("latin.txt"), new byte[] {'H', (byte) 0xE0, '\n', 'x', '\n'});
    Path jsonl = Files.writeString(dir.resolve("r.jsonl"), "{oops\n");
    Path seed = Fixtures.seeds().resolve(Fixtures.SEED_000 + ".txt").toAbsolutePath();
    Run r =
        vnpress(
            "index",
            "--index",
            dir.resolve("idx").toString(),
            empty.toString(),
            latin.toString(),
            dir.resolve("missing.txt").toString(),
            jsonl.toString(),
            seed.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("added 1, replaced 0, rejected 4");
    assertThat(r.err())
        .contains("rejected: " + empty + ": empty file")
        .contains("rejected: " + latin + ": not UTF-8")
        .contains("rejected: " + dir.resolve("missing.txt") + ": no such file or folder")
        .contains("rejected: " + jsonl + ":1: malformed JSON")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void usageErrorExitsTwo() throws Exception {
    Run r = vnpress("search", "--size");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("\tat ");
  }
}
