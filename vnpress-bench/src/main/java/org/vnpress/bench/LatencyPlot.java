package org.vnpress.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Draws full-query latency against corpus size (both axes logarithmic) as a small SVG, from the
 * {@code query-N.json} results the query bench saves: one line per engine and percentile.
 */
public final class LatencyPlot {

  private static final int W = 720;
  private static final int H = 440;
  private static final int L = 70;
  private static final int R = 190;
  private static final int T = 40;
  private static final int B = 60;

  private record Series(String label, String path, String color, boolean dashed) {}

  private LatencyPlot() {}

  /** Redraws the plot: {@code RESULTS_DIR SVG}. */
  public static void main(String[] args) throws IOException {
    write(Path.of(args[0]), Path.of(args[1]));
  }

  public static void write(Path resultsDir, Path svg) throws IOException {
    List<JsonNode> runs = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> s = Files.list(resultsDir)) {
      for (Path p :
          s.filter(p -> p.getFileName().toString().matches("query-\\d+\\.json")).toList()) {
        runs.add(json.readTree(p.toFile()));
      }
    }
    runs.sort(Comparator.comparingLong(n -> n.path("docs").asLong()));
    List<Series> series =
        List.of(
            new Series("vnpress p50", "vnpress/p50Ms", "#1f77b4", false),
            new Series("vnpress p99", "vnpress/p99Ms", "#1f77b4", true),
            new Series("vnpress HTTP 8c p99", "vnpressHttp8/p99Ms", "#2ca02c", true),
            new Series("naive Lucene p50", "lucene/p50Ms", "#9467bd", false),
            new Series("naive Lucene p99", "lucene/p99Ms", "#9467bd", true),
            new Series("SQLite FTS5 p50", "fts5/p50Ms", "#ff7f0e", false),
            new Series("PostgreSQL p50", "postgres/p50Ms", "#d62728", false));
    double minX = Double.MAX_VALUE;
    double maxX = 0;
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    for (JsonNode r : runs) {
      minX = Math.min(minX, r.path("docs").asDouble());
      maxX = Math.max(maxX, r.path("docs").asDouble());
      for (Series s : series) {
        double v = value(r, s.path());
        if (v > 0) {
          minY = Math.min(minY, v);
          maxY = Math.max(maxY, v);
        }
      }
    }
    if (runs.isEmpty()) {
      throw new IOException("no query results in " + resultsDir);
    }
    double x0 = Math.floor(Math.log10(minX));
    double x1 = Math.max(x0 + 1, Math.ceil(Math.log10(maxX)));
    double y0 = Math.floor(Math.log10(Math.max(minY, 0.01)));
    double y1 = Math.max(y0 + 1, Math.ceil(Math.log10(maxY)));
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            W,
            H,
            W,
            H));
    sb.append(
        String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"22\" font-size=\"14\">Full query latency (top 10 + snippets + all facets) against corpus size</text>%n",
            L));
    for (double e = y0; e <= y1; e++) {
      double y = py(e, y0, y1);
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
              L,
              W - R,
              y,
              y));
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n",
              L - 6,
              y + 4,
              num(Math.pow(10, e))));
    }
    for (double e = x0; e <= x1; e++) {
      double x = px(e, x0, x1);
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n",
              x,
              x,
              T,
              H - B));
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              x,
              H - B + 18,
              num(Math.pow(10, e))));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">documents (log scale)</text>%n",
            (L + W - R) / 2,
            H - 18));
    int legendY = T + 10;
    for (Series s : series) {
      StringBuilder pts = new StringBuilder();
      for (JsonNode r : runs) {
        double v = value(r, s.path());
        if (v > 0) {
          double x = px(Math.log10(r.path("docs").asDouble()), x0, x1);
          double y = py(Math.log10(v), y0, y1);
          pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
          sb.append(
              String.format(
                  Locale.ROOT,
                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                  x,
                  y,
                  s.color()));
        }
      }
      if (pts.length() == 0) {
        continue;
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
              pts.toString().strip(),
              s.color(),
              s.dashed() ? " stroke-dasharray=\"6,4\"" : ""));
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
              W - R + 15,
              W - R + 40,
              legendY,
              legendY,
              s.color(),
              s.dashed() ? " stroke-dasharray=\"6,4\"" : ""));
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\">%s</text>%n",
              W - R + 46,
              legendY + 4,
              s.label()));
      legendY += 20;
    }
    sb.append("</svg>\n");
    if (svg.toAbsolutePath().getParent() != null) {
      Files.createDirectories(svg.toAbsolutePath().getParent());
    }
    Files.writeString(svg, sb, StandardCharsets.UTF_8);
  }

  private static double value(JsonNode run, String path) {
    String[] p = path.split("/");
    JsonNode n = run.path(p[0]).path(p[1]);
    return n.isNumber() ? n.asDouble() : -1;
  }

  private static double px(double logX, double x0, double x1) {
    return L + (logX - x0) / (x1 - x0) * (W - L - R);
  }

  private static double py(double logY, double y0, double y1) {
    return H - B - (logY - y0) / (y1 - y0) * (H - T - B);
  }

  private static String num(double v) {
    if (v >= 1_000_000) {
      return String.format(Locale.ROOT, "%.0fM", v / 1_000_000);
    }
    if (v >= 1_000) {
      return String.format(Locale.ROOT, "%.0fk", v / 1_000);
    }
    return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
