package org.vnpress.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.analysis.VietnameseAnalyzer.Key;

/**
 * Analyzer throughput in MB/s (UTF-8 input) of the Vietnamese chains beside Lucene's
 * StandardAnalyzer, measured in the same run over the same baomoi 2017 texts.
 */
public final class AnalyzerBench {

  private AnalyzerBench() {}

  /** Tokenizes every text once; returns the token count so the work cannot be skipped. */
  private static long consume(Analyzer a, List<String> texts) throws IOException {
    long tokens = 0;
    for (String t : texts) {
      try (TokenStream ts = a.tokenStream("body", t)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          tokens += term.length() > 0 ? 1 : 0;
        }
        ts.end();
      }
    }
    return tokens;
  }

  /** Prints MB/s per analyzer; {@code rounds} measured passes after two warm-up passes. */
  public static void run(Path shared, int maxDocs, int rounds, PrintStream out) throws IOException {
    List<String> texts = new ArrayList<>();
    long bytes = 0;
    for (JsonNode n : RelevanceBench.readJsonl(shared.resolve("corpus/baomoi_2017.jsonl.gz"))) {
      if (texts.size() >= maxDocs) {
        break;
      }
      String body = n.path("title").asText("") + "\n" + n.path("body").asText("");
      texts.add(body);
      bytes += body.getBytes(StandardCharsets.UTF_8).length;
    }
    Map<String, Analyzer> analyzers = new LinkedHashMap<>();
    analyzers.put("StandardAnalyzer", new StandardAnalyzer());
    analyzers.put("vnpress exact", new VietnameseAnalyzer(Key.EXACT));
    analyzers.put("vnpress folded", new VietnameseAnalyzer(Key.FOLDED));
    for (Analyzer a : analyzers.values()) {
      consume(a, texts);
      consume(a, texts);
    }
    Map<String, Double> best = new LinkedHashMap<>();
    Map<String, Long> tokens = new LinkedHashMap<>();
    // interleave rounds so that machine noise hits every analyzer alike
    for (int r = 0; r < rounds; r++) {
      for (Map.Entry<String, Analyzer> e : analyzers.entrySet()) {
        long t0 = System.nanoTime();
        long n = consume(e.getValue(), texts);
        double mbs = bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
        best.merge(e.getKey(), mbs, Math::max);
        tokens.put(e.getKey(), n);
      }
    }
    double standard = best.get("StandardAnalyzer");
    out.printf(
        Locale.ROOT,
        "%d documents, %.1f MB UTF-8; best of %d rounds%n%n",
        texts.size(),
        bytes / 1e6,
        rounds);
    out.printf(
        Locale.ROOT, "%-18s | %8s | %10s | %s%n", "analyzer", "MB/s", "tokens", "vs Standard");
    out.println("-------------------|----------|------------|------------");
    for (String name : best.keySet()) {
      out.printf(
          Locale.ROOT,
          "%-18s | %8.1f | %10d | %5.0f%%%n",
          name,
          best.get(name),
          tokens.get(name),
          100 * best.get(name) / standard);
    }
    analyzers.values().forEach(Analyzer::close);
  }

  public static void main(String[] args) throws IOException {
    Path shared =
        Path.of(args.length > 0 ? args[0] : System.getProperty("vnpress.shared", "../shared"));
    int docs = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    run(shared, docs, rounds, System.out);
  }
}
