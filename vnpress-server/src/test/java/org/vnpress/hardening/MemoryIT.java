package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnpress.Fixtures;

/**
 * A server at {@code -Xmx256m} over a 10,000-document index takes a 30 MB NDJSON body, refuses a
 * request of more than 10,000 records with 413, answers JSON every time, and keeps answering
 * searches meanwhile (issue 16). Real text: the VNDS and baomoi corpora from {@code ../shared} when
 * present, else the bundled data (seeds, resolutions, DANeS titles) copied under new ids.
 */
class MemoryIT {

  private static final String TOKEN = "memory-token-256";
  private static final int INDEX_DOCS = 10_000;
  private static final long BODY_BYTES = 30L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static boolean shared(String relative) {
    return Files.exists(Fixtures.sharedRoot().resolve(relative)) || Fixtures.sharedRequired();
  }

  /** Records of a JSONL or JSONL.gz file, as objects. */
  private static List<ObjectNode> read(Path f) throws IOException {
    List<ObjectNode> out = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(f);
        InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          out.add((ObjectNode) JSON.readTree(line));
        }
      }
    }
    return out;
  }

  /** The bundled records: the resolutions, the DANeS titles and the seeds. */
  private static List<ObjectNode> bundled() throws IOException {
    List<ObjectNode> out = new ArrayList<>(read(Fixtures.resolutions()));
    out.addAll(read(Fixtures.project().resolve("index-data/danes_2021_titles.jsonl.gz")));
    for (Path p : Fixtures.seedFiles()) {
      out.add(
          JSON.createObjectNode()
              .put("id", Fixtures.stem(p))
              .put("body", Files.readString(p, StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** Writes records to a JSONL file, each copy under its own id, until a count or a size. */
  private static Path write(Path f, List<ObjectNode> records, String prefix, int max, long bytes)
      throws IOException {
    long written = 0;
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      for (int i = 0; i < max; i++) {
        ObjectNode r = records.get(i % records.size()).deepCopy();
        r.put("id", prefix + i);
        String line = JSON.writeValueAsString(r) + "\n";
        long n = line.getBytes(StandardCharsets.UTF_8).length;
        if (written + n > bytes) {
          break;
        }
        w.write(line);
        written += n;
      }
    }
    return f;
  }

  private ProcessBuilder vnpress(String name, String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd =
        new ArrayList<>(List.of(java, "-Xmx256m", "-jar", System.getProperty("vnpress.jar")));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve(name + ".out").toFile())
            .redirectError(dir.resolve(name + ".err").toFile());
    pb.environment().put("VNPRESS_TOKEN", TOKEN);
    return pb;
  }

  private String text(String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(120))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(int port, Path body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/documents"))
            .timeout(Duration.ofSeconds(600))
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofFile(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aServerAt256MegabytesTakesA30MegabyteBodyAndKeepsSearching() throws Exception {
    Path index = dir.resolve("index");
    // 10,000 documents, indexed by the CLI at the same heap
    Path corpus =
        shared("corpus/vnds_dev.jsonl.gz")
            ? Fixtures.shared("corpus/vnds_dev.jsonl.gz")
            : write(dir.resolve("index.jsonl"), bundled(), "i", INDEX_DOCS, Long.MAX_VALUE);
    Process indexing =
        vnpress("index", "index", "--index", index.toString(), corpus.toString()).start();
    assertThat(indexing.waitFor(600, TimeUnit.SECONDS)).isTrue();
    assertThat(indexing.exitValue()).as(text("index.err")).isZero();
    Matcher held = Pattern.compile("the index holds (\\d+) documents").matcher(text("index.out"));
    assertThat(held.find()).as(text("index.out")).isTrue();
    int documents = Integer.parseInt(held.group(1));
    assertThat(documents).isGreaterThanOrEqualTo(INDEX_DOCS - 10);

    List<ObjectNode> source =
        shared("corpus/baomoi_2017.jsonl.gz")
            ? read(Fixtures.shared("corpus/baomoi_2017.jsonl.gz"))
            : bundled().stream().filter(r -> r.path("body").asText().length() > 2_000).toList();
    Path big = write(dir.resolve("big.jsonl"), source, "big", 10_000, BODY_BYTES);
    long records = Files.lines(big).count();
    System.out.printf(
        "body: %d records, %.1f MB; index: %d documents%n",
        records, Files.size(big) / 1048576.0, documents);
    assertThat(Files.size(big)).isGreaterThan(BODY_BYTES - (1 << 20));
    source = null; // the test's own heap, not the server's

    Process server = vnpress("serve", "serve", "--index", index.toString(), "--port", "0").start();
    try {
      Pattern banner = Pattern.compile("vnpress serves http://127\\.0\\.0\\.1:(\\d+)/");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      Matcher m = banner.matcher("");
      while (!(m = banner.matcher(text("serve.out"))).find() && System.nanoTime() < deadline) {
        assertThat(server.isAlive()).as(text("serve.err")).isTrue();
        Thread.sleep(50);
      }
      int port = Integer.parseInt(m.group(1));

      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger searched = new AtomicInteger();
      List<String> bad = new ArrayList<>();
      Thread searcher =
          new Thread(
              () -> {
                String[] queries = {"hà nội", "nghị quyết", "kinh tế", "quận ủy", "giáo dục"};
                for (int i = 0; writing.get(); i++) {
                  try {
                    HttpResponse<String> r =
                        get(
                            port,
                            "/api/search?q="
                                + URLEncoder.encode(
                                    queries[i % queries.length], StandardCharsets.UTF_8));
                    if (r.statusCode() != 200 || !JSON.readTree(r.body()).has("hits")) {
                      bad.add(r.statusCode() + " " + r.body());
                    }
                    searched.incrementAndGet();
                    Thread.sleep(100);
                  } catch (Exception e) {
                    bad.add(e.toString());
                    return;
                  }
                }
              });
      searcher.start();
      long t0 = System.nanoTime();
      HttpResponse<String> r = post(port, big);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      writing.set(false);
      searcher.join(120_000);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
      JsonNode answer = JSON.readTree(r.body());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      int added = answer.get("added").asInt();
      assertThat(added + answer.get("replaced").asInt() + answer.get("rejected").size())
          .isEqualTo((int) records);
      assertThat(bad).isEmpty();
      assertThat(searched.get()).isGreaterThan(0);

      // more than 10,000 records: refused whole, as JSON
      Path many =
          write(
              dir.resolve("many.jsonl"),
              read(Fixtures.project().resolve("index-data/danes_2021_titles.jsonl.gz")),
              "many",
              10_001,
              Long.MAX_VALUE);
      HttpResponse<String> refused = post(port, many);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
      assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("too_large");

      JsonNode health = JSON.readTree(get(port, "/api/health").body());
      assertThat(health.get("status").asText()).isEqualTo("ok");
      assertThat(health.get("documents").asInt()).isEqualTo(documents + added);
      String metrics = get(port, "/metrics").body();
      Matcher heap =
          Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",id=\"([^\"]+)\"\\} ([0-9.E]+)")
              .matcher(metrics);
      double used = 0;
      while (heap.find()) {
        used += Double.parseDouble(heap.group(2));
      }
      System.out.printf(
          "30 MB body: %d added in %d ms while %d searches answered; heap in use after: %.0f MB"
              + " of 256 (load %s)%n",
          added,
          ms,
          searched.get(),
          used / 1048576,
          Files.readString(Path.of("/proc/loadavg")).strip());
      assertThat(text("serve.err")).doesNotContain("OutOfMemoryError");
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
