package org.vnpress.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny run of the benchmark suite: the generator is deterministic, the JSON lines are shaped. */
class BenchSmokeTest {

  private static Path SHARED;

  private static CorpusGenerator generator;

  @TempDir static Path work;

  @BeforeAll
  static void learn() throws Exception {
    // the generator learns from the baomoi and VNDS corpora
    org.vnpress.Fixtures.shared("corpus/vnds_dev.jsonl.gz");
    SHARED = org.vnpress.Fixtures.shared("corpus/baomoi_2017.jsonl.gz").getParent().getParent();
    generator = CorpusGenerator.small(SHARED, 1);
  }

  private static byte[] generate(CorpusGenerator g, int n) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    g.write(n, out);
    return out.toByteArray();
  }

  @Test
  void sameSeedGivesSameBytes() throws Exception {
    // a model learned anew must give the very same corpus
    byte[] a = generate(generator, 200);
    byte[] b = generate(CorpusGenerator.small(SHARED, 1), 200);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void documentDependsOnlyOnSeedAndNumber() {
    // the 100k corpus is the first tenth of the 1M corpus
    assertThat(generator.document(150)).isEqualTo(generator.document(150));
    assertThat(generator.document(150)).isNotEqualTo(generator.document(151));
  }

  @Test
  void documentsAreAboutFourKilobytesWithRealUnitsAndNumbers() {
    long bytes = 0;
    int numbered = 0;
    int placed = 0;
    for (int i = 0; i < 200; i++) {
      CorpusGenerator.Record r = generator.document(i);
      bytes += (r.title() + r.body()).getBytes(StandardCharsets.UTF_8).length;
      numbered +=
          r.body().matches("(?s).*\\d+(-|/\\d{4}/)?(NQ|CT|KL|QĐ|HD|CTr|KH|NĐ|TT)[-/].*") ? 1 : 0;
      placed += r.body().matches("(?s).*(quận|huyện|thị xã|thành phố) \\p{Lu}.*") ? 1 : 0;
    }
    assertThat(bytes / 200).isBetween(3_000L, 5_500L);
    assertThat(numbered).isGreaterThan(80);
    assertThat(placed).isGreaterThan(100);
  }

  /** The 300-document corpus both bench runs below use, written once. */
  private static synchronized void corpus300() throws Exception {
    Path corpus = work.resolve("corpus-300-1.jsonl.gz");
    if (!Files.exists(corpus)) {
      try (OutputStream o = Files.newOutputStream(corpus)) {
        generator.write(300, o);
      }
    }
  }

  @Test
  void indexBenchEndsWithTheJsonLine() throws Exception {
    corpus300();
    String out = run("bench", "index", "--docs", "300", "--work", work.toString(), "--json");
    List<String> lines = out.lines().toList();
    JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertThat(json.path("docs").asInt()).isEqualTo(300);
    assertThat(json.path("vnpress").path("docsPerSec").asDouble()).isPositive();
    assertThat(json.path("vnpress").path("indexBytesPerRawByte").asDouble()).isPositive();
    assertThat(json.path("vnpress").has("peakHeapMb")).isTrue();
    assertThat(json.path("lucene").path("docsPerSec").asDouble()).isPositive();
    assertThat(json.path("lucene").path("indexBytesPerRawByte").asDouble()).isPositive();
    assertThat(json.path("ratio").asDouble()).isPositive();
  }

  @Test
  void queryBenchComparesWithTheNaiveLucenePageAndRunsTheHostilePhase() throws Exception {
    corpus300();
    String out =
        run(
            "bench",
            "query",
            "--docs",
            "300",
            "--work",
            work.toString(),
            "--json",
            "--peers",
            "lucene",
            "--seconds",
            "1",
            "--queries",
            "30");
    List<String> lines = out.lines().toList();
    JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertThat(json.path("docs").asInt()).isEqualTo(300);
    for (String key : List.of("p50Ms", "p99Ms", "qps")) {
      assertThat(json.path("vnpress").path(key).asDouble()).as("vnpress " + key).isPositive();
      assertThat(json.path("lucene").path(key).asDouble()).as("lucene " + key).isPositive();
    }
    assertThat(json.path("luceneP50Ratio").asDouble()).isPositive();
    assertThat(json.path("luceneP99Ratio").asDouble()).isPositive();
    // --peers lucene: the SQL peers are not run
    assertThat(json.path("fts5").isNull()).isTrue();
    assertThat(json.path("postgres").isNull()).isTrue();
    JsonNode index = json.path("index");
    assertThat(index.path("rawBytes").asLong()).isPositive();
    assertThat(index.path("vnpress").path("bytesPerRawByte").asDouble()).isPositive();
    assertThat(index.path("lucene").path("bytesPerRawByte").asDouble()).isPositive();
    assertThat(index.path("lucene").path("buildSeconds").asDouble()).isPositive();
    // vnpress in-process and over HTTP; the naive page in-process, for reference
    for (String mode : List.of("inProcess", "http", "lucene")) {
      JsonNode h = json.path("hostile").path(mode);
      assertThat(h.path("normal").path("queries").asInt()).as(mode).isPositive();
      assertThat(h.path("normal").path("p99Ms").asDouble()).as(mode).isPositive();
      assertThat(h.path("attackers").path("clients").asInt()).as(mode).isEqualTo(8);
      assertThat(h.path("attackers").path("requests").asInt()).as(mode).isPositive();
      assertThat(h.path("attackers").path("maxMs").asDouble()).as(mode).isPositive();
      assertThat(h.path("attackers").has("refused")).as(mode).isTrue();
      // the query of issue 14: about 330 short words in at most 1,000 characters
      JsonNode first = h.path("attacks").path(0);
      assertThat(first.path("words").asInt()).as(mode).isBetween(300, 360);
      assertThat(first.path("chars").asInt()).as(mode).isBetween(950, 1_000);
    }
  }

  private static String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try (PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
      System.setOut(p);
      code = org.vnpress.bench.cli.BenchMain.commandLine().execute(args);
    } finally {
      System.setOut(old);
    }
    assertThat(code).isZero();
    return buf.toString(StandardCharsets.UTF_8);
  }
}
