package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnpress.Fixtures;
import org.vnpress.index.PressIndex;
import org.vnpress.search.LuceneBackend;

/**
 * {@code kill -9} of a server while two clients post batches, five rounds (issue 16): after each
 * restart every acknowledged batch is whole and every other one is whole or absent.
 */
class WriteCrashIT {

  private static final String TOKEN = "crash-token-2718";
  private static final int ROUNDS = 5;
  private static final int CLIENTS = 2;
  private static final int BATCH = 50;

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Sent batches: true once the server acknowledged it. */
  private final Map<String, Boolean> batches = new ConcurrentHashMap<>();

  private Process serve(int round) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-jar",
                System.getProperty("vnpress.jar"),
                "serve",
                "--index",
                dir.resolve("index").toString(),
                "--port",
                "0",
                "--data",
                Fixtures.seeds().toAbsolutePath().toString())
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("serve" + round + ".out").toFile())
            .redirectError(dir.resolve("serve" + round + ".err").toFile());
    pb.environment().put("VNPRESS_TOKEN", TOKEN);
    pb.environment().put("VNPRESS_ACCESS_LOG", "off");
    return pb.start();
  }

  private int port(Process p, int round) throws Exception {
    Path out = dir.resolve("serve" + round + ".out");
    Pattern banner = Pattern.compile("vnpress serves http://127\\.0\\.0\\.1:(\\d+)/");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      Matcher m = banner.matcher(Files.readString(out, StandardCharsets.UTF_8));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      assertThat(p.isAlive())
          .as(Files.readString(dir.resolve("serve" + round + ".err"), StandardCharsets.UTF_8))
          .isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("the server did not start");
  }

  private long documents(int port) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"documents\":(\\d+)").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** Posts batches until the server dies; counts down once its first batch is acknowledged. */
  private void client(int port, String prefix, CountDownLatch acknowledged) {
    for (int n = 0; ; n++) {
      String batch = prefix + "b" + n;
      batches.put(batch, false);
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/documents"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(SeedRecords.ndjson(batch, BATCH)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          return;
        }
        batches.put(batch, true);
        acknowledged.countDown();
      } catch (IOException e) {
        return; // the server is gone
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Checks the index as the next server will open it; returns how many documents it holds. */
  private int check(int round) throws IOException {
    int whole = 0;
    int absent = 0;
    int expected = 5;
    try (PressIndex idx = PressIndex.openReadOnly(dir.resolve("index"))) {
      LuceneBackend b = new LuceneBackend(idx);
      for (Map.Entry<String, Boolean> e : batches.entrySet()) {
        int present = 0;
        for (int i = 0; i < BATCH; i++) {
          if (b.document(SeedRecords.id(e.getKey(), i)).isPresent()) {
            present++;
          }
        }
        if (e.getValue()) {
          assertThat(present).as("acknowledged batch " + e.getKey()).isEqualTo(BATCH);
        } else {
          assertThat(present).as("unacknowledged batch " + e.getKey()).isIn(0, BATCH);
          if (present == 0) {
            absent++;
          } else {
            whole++;
          }
        }
        expected += present;
      }
      assertThat(idx.count()).isEqualTo(expected);
      long acked = batches.values().stream().filter(v -> v).count();
      System.out.printf(
          "round %d: %d batches acknowledged and whole; unacknowledged: %d whole, %d absent%n",
          round, acked, whole, absent);
      return idx.count();
    }
  }

  @Test
  void acknowledgedBatchesAreWholeAndTheOthersWholeOrAbsentAfterKillNine() throws Exception {
    Random rnd = new Random(16);
    int documents = 5;
    for (int round = 1; round <= ROUNDS; round++) {
      Process server = serve(round);
      try {
        int port = port(server, round);
        // the restarted server opens what the last round left
        assertThat(documents(port)).isEqualTo(documents);
        CountDownLatch acknowledged = new CountDownLatch(CLIENTS);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          String prefix = "r" + round + "c" + c;
          Thread t = new Thread(() -> client(port, prefix, acknowledged), "client-" + prefix);
          t.start();
          clients.add(t);
        }
        assertThat(acknowledged.await(180, TimeUnit.SECONDS)).isTrue();
        // lands anywhere in the next batches: while reading, extracting, writing or committing
        Thread.sleep(200 + rnd.nextInt(1_500));
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no close
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(137);
        for (Thread t : clients) {
          t.join(TimeUnit.SECONDS.toMillis(60));
        }
      } finally {
        server.destroyForcibly();
        server.waitFor(30, TimeUnit.SECONDS);
      }
      documents = check(round);
    }
    Process last = serve(ROUNDS + 1);
    try {
      assertThat(documents(port(last, ROUNDS + 1))).isEqualTo(documents);
    } finally {
      last.destroy();
      last.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
