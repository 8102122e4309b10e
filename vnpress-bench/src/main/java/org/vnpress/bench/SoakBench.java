package org.vnpress.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Sources;
import org.vnpress.index.Ingest;
import org.vnpress.index.PressIndex;
import org.vnpress.search.LuceneBackend;
import org.vnpress.server.App;
import org.vnpress.server.ServerConfig;

/**
 * {@code bench soak}: the real server on a loopback port, several searching clients (a share of
 * them sending hostile queries) and one writer, for a fixed number of requests. Fails on any 5xx,
 * non-JSON answer, lost or duplicated document, and reports throughput, p50/p99 and the heap.
 *
 * <p>Run as {@code bin/vnpress bench soak}, or {@code java -cp target/vnpress.jar
 * org.vnpress.bench.SoakBench [SEARCHES_PER_CLIENT] [WRITES] [SEEDS_DIR]}.
 */
public final class SoakBench {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What to run.
   *
   * @param searchers searching clients
   * @param searchesPerClient requests each searching client sends
   * @param writes documents the writer posts, one request each
   * @param hostileShare share of searches with a hostile {@code q} (0–1)
   * @param seed random seed: the same seed sends the same queries
   * @param seeds folder of {@code .txt} releases indexed first and used as bodies, or null
   */
  public record Config(
      int searchers,
      int searchesPerClient,
      int writes,
      double hostileShare,
      long seed,
      Path seeds) {

    /** The figures reported in docs/reliability.md: 8 × 2,500 searches, 500 writes. */
    public static Config standard(Path seeds) {
      return new Config(8, 2_500, 500, 0.5, 20261125L, seeds);
    }
  }

  /**
   * What a run measured. {@code problems} is empty when the run passed.
   *
   * @param hostile searches that sent a hostile {@code q}
   * @param statuses how many answers had each status, {@code "200=…, 400=…"}
   */
  public record Result(
      long searches,
      long hostile,
      long writes,
      double seconds,
      double searchesPerSecond,
      double searchP50Ms,
      double searchP99Ms,
      double writeP99Ms,
      long heapStartMb,
      long heapEndMb,
      long documents,
      long expectedDocuments,
      String statuses,
      List<String> problems) {

    public boolean passed() {
      return problems.isEmpty();
    }
  }

  private SoakBench() {}

  public static void main(String[] args) throws Exception {
    Config std = Config.standard(Path.of("index-data", "seeds"));
    Config c =
        new Config(
            std.searchers(),
            args.length > 0 ? Integer.parseInt(args[0]) : std.searchesPerClient(),
            args.length > 1 ? Integer.parseInt(args[1]) : std.writes(),
            std.hostileShare(),
            std.seed(),
            args.length > 2 ? Path.of(args[2]) : std.seeds());
    Result r = run(c, System.out);
    System.exit(r.passed() ? 0 : 1);
  }

  /** Runs the soak against a fresh index in a temporary folder and prints the report. */
  public static Result run(Config c, PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("vnpress-soak");
    try {
      return run(c, dir, out);
    } finally {
      deleteTree(dir);
    }
  }

  static Result run(Config c, Path dir, PrintStream out) throws Exception {
    String token = HexFormat.of().formatHex(SecureRandom.getSeed(16));
    PressIndex index = PressIndex.open(dir.resolve("index"));
    Sources sources = new Sources(Extractor.standard());
    List<String> bodies = new ArrayList<>();
    if (c.seeds() != null && Files.isDirectory(c.seeds())) {
      new Ingest(index, sources).run(List.of(c.seeds()), Ingest.Progress.NONE);
      try (Stream<Path> s = Files.list(c.seeds())) {
        for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
          bodies.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    if (bodies.isEmpty()) {
      bodies.add("Sáng 19-10, Ban Chấp hành Đảng bộ quận tổ chức Hội nghị lần thứ mười sáu.");
    }
    long initial = index.count();
    LuceneBackend backend = new LuceneBackend(index);
    // var: only server/ names Javalin's types
    var app = App.create(backend, sources, ServerConfig.local(0, token));
    app.start();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String base = "http://127.0.0.1:" + app.port();
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    List<String> problems = new ArrayList<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicLong[] statusCounts = new AtomicLong[600];
    Arrays.setAll(statusCounts, i -> new AtomicLong());
    AtomicLong hostile = new AtomicLong();
    try {
      // warm up: the first searches build facet state and JIT the hot paths
      for (int i = 0; i < 50; i++) {
        send(http, get(base, "nghị quyết " + i), statusCounts, failures);
      }
      long heapStart = usedHeapMb(mem);
      ExecutorService pool = Executors.newFixedThreadPool(c.searchers() + 1);
      long[][] searchNanos = new long[c.searchers()][c.searchesPerClient()];
      long[] writeNanos = new long[c.writes()];
      List<String> written = new ArrayList<>();
      long t0 = System.nanoTime();
      List<Future<?>> jobs = new ArrayList<>();
      for (int k = 0; k < c.searchers(); k++) {
        int client = k;
        jobs.add(
            pool.submit(
                () -> {
                  Random rnd = new Random(c.seed() * 31 + client);
                  for (int i = 0; i < c.searchesPerClient(); i++) {
                    String q;
                    if (rnd.nextDouble() < c.hostileShare()) {
                      q = hostileQuery(rnd);
                      hostile.incrementAndGet();
                    } else {
                      q = ordinaryQuery(rnd);
                    }
                    long s = System.nanoTime();
                    send(http, get(base, q), statusCounts, failures);
                    searchNanos[client][i] = System.nanoTime() - s;
                  }
                  return null;
                }));
      }
      jobs.add(
          pool.submit(
              () -> {
                Random rnd = new Random(c.seed());
                for (int i = 0; i < c.writes(); i++) {
                  // every tenth write replaces an earlier document: it must not duplicate it
                  boolean replace = i > 0 && i % 10 == 0;
                  String id = replace ? written.get(rnd.nextInt(written.size())) : "soak-" + i;
                  String body = bodies.get(i % bodies.size()) + "\n\nSoak " + i + ".";
                  String json =
                      JSON.writeValueAsString(
                          JSON.createObjectNode().put("id", id).put("body", body));
                  HttpRequest post =
                      HttpRequest.newBuilder(URI.create(base + "/api/documents"))
                          .header("Authorization", "Bearer " + token)
                          .header("Content-Type", "application/json")
                          .timeout(Duration.ofSeconds(30))
                          .POST(HttpRequest.BodyPublishers.ofString(json))
                          .build();
                  long s = System.nanoTime();
                  JsonNode answer = send(http, post, statusCounts, failures);
                  writeNanos[i] = System.nanoTime() - s;
                  if (answer != null
                      && answer.path("added").asInt() + answer.path("replaced").asInt() != 1) {
                    failures.add("write " + id + " answered " + answer);
                  }
                  if (!replace) {
                    written.add(id);
                  }
                }
                return null;
              }));
      for (Future<?> f : jobs) {
        f.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      pool.shutdown();
      long heapEnd = usedHeapMb(mem);

      // every written id is there exactly once: the count matches and each id reads back
      long expected = initial + written.size();
      JsonNode health = send(http, request(base + "/api/health"), statusCounts, failures);
      long documents = health == null ? -1 : health.path("documents").asLong();
      if (documents != expected) {
        problems.add("the index holds " + documents + " documents, expected " + expected);
      }
      for (String id : written) {
        HttpResponse<String> r =
            http.send(request(base + "/api/documents/" + id), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          problems.add("document " + id + " was lost (" + r.statusCode() + ")");
        }
      }
      if (index.count() != expected) {
        problems.add("Lucene counts " + index.count() + " documents, expected " + expected);
      }
      failures.stream().limit(20).forEach(problems::add);
      if (failures.size() > 20) {
        problems.add("… and " + (failures.size() - 20) + " more failed requests");
      }
      // a leak would show as a heap that keeps what the run allocated
      if (heapEnd > heapStart * 3 + 128) {
        problems.add("heap grew from " + heapStart + " MB to " + heapEnd + " MB");
      }
      long[] all = Arrays.stream(searchNanos).flatMapToLong(Arrays::stream).sorted().toArray();
      long[] writes = writeNanos.clone();
      Arrays.sort(writes);
      StringBuilder statuses = new StringBuilder();
      for (int s = 0; s < statusCounts.length; s++) {
        if (statusCounts[s].get() > 0) {
          statuses
              .append(statuses.isEmpty() ? "" : ", ")
              .append(s)
              .append('=')
              .append(statusCounts[s].get());
        }
      }
      Result result =
          new Result(
              all.length,
              hostile.get(),
              c.writes(),
              seconds,
              all.length / seconds,
              percentile(all, 0.50),
              percentile(all, 0.99),
              percentile(writes, 0.99),
              heapStart,
              heapEnd,
              documents,
              expected,
              statuses.toString(),
              List.copyOf(problems));
      print(c, result, out);
      return result;
    } finally {
      app.stop();
      backend.close();
    }
  }

  private static void print(Config c, Result r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "soak: %d searching clients × %d searches (%d hostile) + 1 writer × %d documents, loopback%n",
        c.searchers(),
        c.searchesPerClient(),
        r.hostile(),
        c.writes());
    out.printf(
        Locale.ROOT,
        "  %.1f s, %.0f searches/s, search p50 %.2f ms, p99 %.2f ms, write p99 %.2f ms%n",
        r.seconds(),
        r.searchesPerSecond(),
        r.searchP50Ms(),
        r.searchP99Ms(),
        r.writeP99Ms());
    out.printf(
        Locale.ROOT,
        "  statuses %s; documents %d (expected %d); heap after GC %d MB → %d MB%n",
        r.statuses(),
        r.documents(),
        r.expectedDocuments(),
        r.heapStartMb(),
        r.heapEndMb());
    out.println(r.passed() ? "  PASS" : "  FAIL");
    r.problems().forEach(p -> out.println("  problem: " + p));
  }

  private static double percentile(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
  }

  private static long usedHeapMb(MemoryMXBean mem) {
    System.gc();
    return mem.getHeapMemoryUsage().getUsed() >> 20;
  }

  private static HttpRequest request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
  }

  private static HttpRequest get(String base, String q) {
    return request(base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
  }

  /**
   * Sends a request and checks the answer: no 5xx, always a JSON object, and {@code {error,
   * message}} on every error. Returns the parsed answer, or null after recording a failure.
   */
  private static JsonNode send(
      HttpClient http,
      HttpRequest req,
      AtomicLong[] statusCounts,
      ConcurrentLinkedQueue<String> failures) {
    String what = req.method() + " " + abbreviate(req.uri().toString());
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      int status = r.statusCode();
      statusCounts[Math.min(status, statusCounts.length - 1)].incrementAndGet();
      JsonNode body =
          answerProblem(status, r.headers().firstValue("Content-Type").orElse(""), r.body());
      if (body == null) {
        failures.add(what + " → " + status + " " + abbreviate(r.body()));
      }
      return status == 200 ? body : null;
    } catch (IOException e) {
      failures.add(what + " → " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add(what + " → interrupted");
      return null;
    }
  }

  /** The parsed answer when it is acceptable (not 5xx, JSON, errors with a code), else null. */
  public static JsonNode answerProblem(int status, String contentType, String body) {
    if (status >= 500 || !contentType.startsWith("application/json")) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(body);
      if (n == null || !n.isObject()) {
        return null;
      }
      if (status >= 400 && (!n.path("error").isTextual() || !n.path("message").isTextual())) {
        return null;
      }
      return n;
    } catch (IOException e) {
      return null;
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + " chars)" : s;
  }

  private static final String[] ORDINARY = {
    "nghị quyết",
    "nghi quyet",
    "Hoàng Mai",
    "hoang mai",
    "quận ủy",
    "quan uy",
    "15-NQ/TƯ",
    "\"mục tiêu kép\"",
    "hội nghị -Hà",
    "Hai Bà Trưng OR Gia Lâm",
    "đảng bộ",
    "kinh tế xã hội",
    "",
    "phòng chống dịch",
    "ban chấp hành",
    "2022"
  };

  /** A query a person might type. */
  public static String ordinaryQuery(Random rnd) {
    return ORDINARY[rnd.nextInt(ORDINARY.length)];
  }

  /** Pieces of hostile queries: query syntax, wildcards, numbers, marks, controls, scripts. */
  private static final String[] HOSTILE = {
    "AND",
    "OR",
    "NOT",
    "+",
    "-",
    "&&",
    "||",
    "!",
    "(",
    ")",
    "((((",
    "))))",
    "{",
    "}",
    "[",
    "]",
    "^",
    "^999999",
    "\"",
    "\"\"",
    "\"unbalanced",
    "~",
    "~2",
    "~999999999",
    "*",
    "?",
    "*?*?*",
    "**",
    "?????",
    ":",
    "\\",
    "\\\\",
    "/",
    "/.*/",
    "/[a-z]+/",
    "title:",
    "body:*",
    "id:*",
    "*:*",
    "[a TO z]",
    "{* TO *}",
    "[0 TO 99999999999999999999]",
    "field:(a OR b)",
    "a^-1",
    "a^NaN",
    "99999999999999999999999999999999",
    "-1",
    "1e308",
    "-0",
    "NaN",
    "Infinity",
    "0x7fffffff",
    "2147483648",
    "15-NQ/TƯ",
    "15-NQ/",
    "/TW",
    "NQ/TW/TW/TW",
    "a*b*c*d*e*f*g*h*",
    "*ng*",
    "ng?y*",
    "\u0000",
    "\u0001",
    "\u0007",
    "\u001b[31m",
    "\u007f",
    "\u0085",
    "\t",
    "\r\n",
    "\u2028",
    "\u0301",
    "a\u0301\u0301\u0301\u0301\u0301",
    "o\u0302\u0323\u0300",
    "\u0323\u0323\u0323",
    "\u200b",
    "\u200d",
    "\u202e",
    "\ufeff",
    "\uffff",
    "\ufffd",
    "😀",
    "𝕏",
    "\ud800",
    "\udfff",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "${jndi:ldap://x}",
    "' OR 1=1 --",
    "%00",
    "%2e%2e%2f",
    "../../etc/passwd",
    "nghị quyết",
    "quận ủy",
    "Hà Nội",
    "NGHỊ QUYẾT",
    "nghi quyet",
    "ngh?",
    "q*",
    "đ",
    "Đ*"
  };

  private static final String[] SEPARATORS = {" ", "", "  ", "\t", ",", "-", "\"", "*"};

  /**
   * A random hostile query: pieces of Lucene syntax, unbalanced quotes and brackets, wildcards,
   * huge numbers, control characters, combining marks and lone surrogates; now and then one at the
   * length limit, just over it, or 100 KB long.
   */
  public static String hostileQuery(Random rnd) {
    int kind = rnd.nextInt(100);
    if (kind == 0) {
      return randomText(rnd, 100 * 1024);
    }
    if (kind <= 2) {
      return randomText(rnd, 1000 + rnd.nextInt(2));
    }
    if (kind <= 4) {
      return "*".repeat(1 + rnd.nextInt(999));
    }
    if (kind <= 9) {
      return randomText(rnd, 1 + rnd.nextInt(60));
    }
    StringBuilder q = new StringBuilder();
    int pieces = 1 + rnd.nextInt(12);
    for (int i = 0; i < pieces; i++) {
      q.append(HOSTILE[rnd.nextInt(HOSTILE.length)]);
      q.append(SEPARATORS[rnd.nextInt(SEPARATORS.length)]);
    }
    return q.toString();
  }

  /** Characters from the whole BMP and beyond, controls and surrogate halves included. */
  private static String randomText(Random rnd, int length) {
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      int r = rnd.nextInt(10);
      if (r < 5) {
        s.append((char) (0x20 + rnd.nextInt(0x5F)));
      } else if (r < 7) {
        s.append((char) (0x00C0 + rnd.nextInt(0x1EF9 - 0x00C0)));
      } else if (r < 8) {
        s.append((char) rnd.nextInt(0x20));
      } else if (r < 9) {
        s.append((char) (0x0300 + rnd.nextInt(0x24)));
      } else {
        s.append((char) rnd.nextInt(0x10000));
      }
    }
    s.setLength(length);
    return s.toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
