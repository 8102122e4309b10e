package org.vnpress.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Time from process start to the first answered query: starts {@code vnpress serve} on an existing
 * index in a child JVM (same java, same class path, a chosen heap), polls {@code /api/search} on
 * loopback until it answers, then sends a few more queries to show that it serves within that heap,
 * and stops the child.
 */
public final class StartupBench {

  /** Longest wait for one start. */
  private static final long MAX_WAIT_MS = 120_000;

  /** Queries sent after the first answer. */
  private static final int FOLLOW_UP = 20;

  /** The JSON line. */
  public record Json(
      long docs,
      String xmx,
      List<Long> readyMs,
      long medianReadyMs,
      double followUpP50Ms,
      double followUpMaxMs,
      String load) {}

  private final Path index;
  private final Path logDir;
  private final PrintStream log;

  public StartupBench(Path index, Path logDir, PrintStream log) {
    this.index = index;
    this.logDir = logDir;
    this.log = log;
  }

  public Json run(int repeats, String xmx, long docs) throws Exception {
    List<Long> ready = new ArrayList<>();
    List<Long> follow = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      ready.add(once(xmx, follow));
      log.printf(
          Locale.ROOT,
          "  start %d: first answer after %,d ms (-Xmx%s)%n",
          i + 1,
          ready.get(ready.size() - 1),
          xmx);
    }
    long[] sorted = ready.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] f = follow.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Json(
        docs,
        xmx,
        ready,
        sorted[sorted.length / 2],
        f.length == 0 ? 0 : IndexBench.round(f[f.length / 2] / 1e6, 2),
        f.length == 0 ? 0 : IndexBench.round(f[f.length - 1] / 1e6, 2),
        QueryBench.loadAverage());
  }

  private long once(String xmx, List<Long> follow) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    Path jsa = logDir.toAbsolutePath().resolve("vnpress-serve.jsa");
    Path classPath = Path.of(System.getProperty("java.class.path"));
    // as bin/vnpress does: the JVM neither maps nor rewrites an archive of an older jar
    if (java.nio.file.Files.isRegularFile(classPath)
        && java.nio.file.Files.exists(jsa)
        && java.nio.file.Files.getLastModifiedTime(jsa)
                .compareTo(java.nio.file.Files.getLastModifiedTime(classPath))
            < 0) {
      java.nio.file.Files.delete(jsa);
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                javaBin,
                "--add-modules",
                "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED",
                // as bin/vnpress serve: the first start writes the class-data archive, later
                // starts map it
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + jsa,
                "-Xmx" + xmx,
                "-cp",
                System.getProperty("java.class.path"),
                "org.vnpress.cli.Main",
                "serve",
                "--index",
                index.toString(),
                "--port",
                Integer.toString(port)));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("VNPRESS_TOKEN");
    java.nio.file.Files.createDirectories(logDir);
    pb.redirectOutput(logDir.resolve("startup-serve.log").toFile());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI first =
        URI.create(
            "http://127.0.0.1:"
                + port
                + "/api/search?q="
                + URLEncoder.encode("nghị quyết", StandardCharsets.UTF_8));
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      long readyMs = -1;
      while ((System.nanoTime() - t0) / 1_000_000 < MAX_WAIT_MS) {
        if (!p.isAlive()) {
          throw new IOException(
              "vnpress serve exited with "
                  + p.exitValue()
                  + "; see "
                  + logDir.resolve("startup-serve.log"));
        }
        try {
          HttpResponse<Void> r =
              http.send(
                  HttpRequest.newBuilder(first).timeout(Duration.ofSeconds(30)).build(),
                  HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() == 200) {
            readyMs = (System.nanoTime() - t0) / 1_000_000;
            break;
          }
        } catch (ConnectException notYet) {
          // the server is not listening yet
        }
        Thread.sleep(10);
      }
      if (readyMs < 0) {
        throw new IOException("vnpress serve did not answer within " + MAX_WAIT_MS + " ms");
      }
      String[] words = {"ủy ban", "kinh te", "\"phát triển\"", "hà nội", "đảng bộ", "nhân dân"};
      for (int i = 0; i < FOLLOW_UP; i++) {
        URI u =
            URI.create(
                "http://127.0.0.1:"
                    + port
                    + "/api/search?q="
                    + URLEncoder.encode(words[i % words.length], StandardCharsets.UTF_8));
        long q0 = System.nanoTime();
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
          throw new IOException("HTTP " + r.statusCode() + " after start");
        }
        follow.add(System.nanoTime() - q0);
      }
      return readyMs;
    } finally {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
