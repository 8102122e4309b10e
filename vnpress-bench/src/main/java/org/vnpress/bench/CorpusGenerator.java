package org.vnpress.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Deterministic synthetic press releases: text walked from the {@link CorpusModel}'s word bigrams,
 * with real district and ward names from the gazetteer, publication dates 2015–2026, Party and
 * state document numbers, and decomposed (NFD) or old-style tone placement at the measured rates.
 *
 * <p>Document {@code i} depends only on the seed and {@code i}, so the first 100,000 documents of a
 * 1,000,000-document corpus are the 100,000-document corpus.
 */
public final class CorpusGenerator {

  /** Average document size aimed at, UTF-8 bytes of title and body (the issue says about 4 KB). */
  public static final int TARGET_BYTES = 4_096;

  private static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
  private static final int DAYS =
      (int) (LocalDate.of(2026, 12, 31).toEpochDay() - FIRST_DAY.toEpochDay()) + 1;

  /** One generated record, in CONTRACT §4's JSONL shape. */
  public record Record(
      String id, String title, String body, String date, String source, String url) {}

  /** A district-level unit with its wards, from {@code units.csv}. */
  record Unit(
      String province,
      String provinceType,
      String district,
      String districtType,
      List<String> wards) {}

  /** Party document forms: type code, type name, issuer code, issuer phrase. */
  private static final String[][] PARTY = {
    {"NQ", "Nghị quyết", "TW", "của Bộ Chính trị"},
    {"NQ", "Nghị quyết", "TW", "của Ban Chấp hành Trung ương Đảng"},
    {"CT", "Chỉ thị", "TW", "của Ban Bí thư"},
    {"KL", "Kết luận", "TW", "của Bộ Chính trị"},
    {"QĐ", "Quy định", "TW", "của Ban Chấp hành Trung ương"},
    {"HD", "Hướng dẫn", "BTCTW", "của Ban Tổ chức Trung ương"},
    {"NQ", "Nghị quyết", "TU", "của Thành ủy"},
    {"CTr", "Chương trình", "TU", "của Thành ủy"},
    {"KH", "Kế hoạch", "TU", "của Ban Thường vụ Thành ủy"},
  };

  /** State document forms: suffix, type name, issuer phrase, whether the number carries a year. */
  private static final String[][] STATE = {
    {"NĐ-CP", "Nghị định", "của Chính phủ", "y"},
    {"QĐ-TTg", "Quyết định", "của Thủ tướng Chính phủ", "y"},
    {"TT-BTC", "Thông tư", "của Bộ Tài chính", "y"},
    {"NQ-HĐND", "Nghị quyết", "của Hội đồng nhân dân thành phố", "y"},
    {"QĐ-UBND", "Quyết định", "của UBND thành phố", "n"},
    {"KH-UBND", "Kế hoạch", "của UBND thành phố", "n"},
    {"NQ-UBTVQH15", "Nghị quyết", "của Ủy ban Thường vụ Quốc hội", "n"},
  };

  private static final String[] OPENERS = {
    "Sáng %s, tại %s, %s, %s tổ chức hội nghị sơ kết công tác.",
    "Chiều %s, Ban Thường vụ %s đã tổ chức hội nghị với sự tham dự của đại diện %s.",
    "Ngày %s, UBND %s phối hợp với %s tổ chức lễ ra mắt mô hình mới.",
    "Ngày %s, %s tổ chức kỳ họp thường lệ, đánh giá tình hình tại %s.",
  };

  private final CorpusModel model;
  private final List<Unit> units;
  private final int hanoiUnits;
  private final long seed;
  private final double lengthScale;

  public CorpusGenerator(CorpusModel model, List<Unit> units, long seed) {
    this.model = model;
    this.units = units;
    this.seed = seed;
    int h = 0;
    while (h < units.size() && units.get(h).province().equals("Hà Nội")) {
      h++;
    }
    this.hanoiUnits = h;
    double meanChars = java.util.Arrays.stream(model.bodyChars).average().orElse(3000);
    // the opener, document sentences and title add about 6% to the walked text
    this.lengthScale = 0.94 * TARGET_BYTES / (meanChars * model.bytesPerChar);
  }

  /** Learns the model and reads the gazetteer from the shared folder. */
  public static CorpusGenerator fromShared(Path shared, long seed) throws IOException {
    return new CorpusGenerator(
        CorpusModel.learn(shared.resolve("corpus")),
        readUnits(shared.resolve("gazetteer/units.csv")),
        seed);
  }

  /** A generator on a model learned from a small sample (tests). */
  public static CorpusGenerator small(Path shared, long seed) throws IOException {
    return new CorpusGenerator(
        CorpusModel.learn(shared.resolve("corpus"), 300, 100, 100),
        readUnits(shared.resolve("gazetteer/units.csv")),
        seed);
  }

  public CorpusModel model() {
    return model;
  }

  /** District-level units in file order (Hà Nội first), each with its wards. */
  static List<Unit> readUnits(Path csv) throws IOException {
    List<Unit> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      r.readLine();
      String lastKey = null;
      List<String> wards = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",", -1);
        if (f.length < 9) {
          continue;
        }
        String key = f[3];
        if (!key.equals(lastKey)) {
          wards = new ArrayList<>();
          out.add(new Unit(bare(f[1], f[2]), f[2], bare(f[4], f[5]), f[5], wards));
          lastKey = key;
        }
        if (!f[7].isEmpty()) {
          wards.add(f[7]);
        }
      }
    }
    return out;
  }

  /** {@code Thành phố Hà Nội} with type {@code Thành phố Trung ương} → {@code Hà Nội}. */
  static String bare(String full, String type) {
    for (String t : new String[] {type, "Thành phố", "Tỉnh", "Quận", "Huyện", "Thị xã"}) {
      if (full.startsWith(t + " ")) {
        return full.substring(t.length() + 1);
      }
    }
    return full;
  }

  /** Writes documents 0..n-1 as gzipped JSONL; the same seed and n give the same bytes. */
  public void write(int n, OutputStream out) throws IOException {
    ObjectMapper json = new ObjectMapper();
    // GZIPOutputStream writes a zero timestamp: the file's bytes depend on the content alone
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        Writer w =
            new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16)) {
      for (int i = 0; i < n; i++) {
        w.write(json.writeValueAsString(document(i)));
        w.write('\n');
      }
    }
  }

  /** Document {@code i}. */
  public Record document(int i) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    LocalDate date = FIRST_DAY.plusDays(r.nextInt(DAYS));
    Unit unit =
        r.nextInt(100) < 40 ? units.get(r.nextInt(hanoiUnits)) : units.get(r.nextInt(units.size()));
    boolean placed = r.nextInt(100) < 75;
    int target =
        (int) Math.max(300, model.bodyChars[r.nextInt(model.bodyChars.length)] * lengthScale);

    StringBuilder body = new StringBuilder(target + 400);
    if (placed) {
      body.append(opener(r, unit, date)).append(' ');
    }
    int docRefs = r.nextInt(100) < 60 ? 1 + r.nextInt(3) : 0;
    List<String> refs = new ArrayList<>();
    for (int k = 0; k < docRefs; k++) {
      refs.add(documentRef(r, date));
    }
    int sentences = 0;
    while (body.length() < target && sentences < 2_000) {
      if (!refs.isEmpty() && r.nextInt(4) == 0) {
        body.append(refs.remove(refs.size() - 1)).append(' ');
      }
      sentence(r, body);
      sentences++;
    }
    for (String ref : refs) {
      body.append(ref).append(' ');
    }
    if (placed && r.nextBoolean()) {
      body.append("\n")
          .append(capitalize(unitName(unit)))
          .append(" sẽ tiếp tục triển khai các nhiệm vụ trọng tâm.");
    }
    String title = title(r, placed ? unit : null);
    String text = body.toString().strip();
    // the measured variants of real text: old-style tones and decomposed Unicode, per document
    if (r.nextDouble() < model.oldStyleRate) {
      title = CorpusModel.toOldStyle(title);
      text = CorpusModel.toOldStyle(text);
    }
    if (r.nextDouble() < model.nfdRate) {
      title = Normalizer.normalize(title, Normalizer.Form.NFD);
      text = Normalizer.normalize(text, Normalizer.Form.NFD);
    }
    return new Record(
        String.format(Locale.ROOT, "gen-%d-%07d", seed, i),
        title,
        text,
        date.toString(),
        "bench-generator",
        null);
  }

  private String opener(SplittableRandom r, Unit u, LocalDate d) {
    String day =
        String.format(Locale.ROOT, "%d/%d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    String district = unitName(u);
    String province =
        (u.provinceType().startsWith("Thành phố") ? "thành phố " : "tỉnh ") + u.province();
    String ward =
        u.wards().isEmpty() ? district : lowerType(u.wards().get(r.nextInt(u.wards().size())));
    return switch (r.nextInt(OPENERS.length)) {
      case 0 -> String.format(Locale.ROOT, OPENERS[0], day, ward, district, province);
      case 1 -> String.format(Locale.ROOT, OPENERS[1], day, partyCommittee(u), ward);
      case 2 ->
          String.format(Locale.ROOT, OPENERS[2], day, district + " (" + u.province() + ")", ward);
      default ->
          String.format(Locale.ROOT, OPENERS[3], day, capitalize(partyCommittee(u)), district);
    };
  }

  /** {@code quận Hai Bà Trưng}. */
  private static String unitName(Unit u) {
    return u.districtType().toLowerCase(Locale.ROOT) + " " + u.district();
  }

  /** {@code Phường Phúc Xá} → {@code phường Phúc Xá}. */
  private static String lowerType(String full) {
    int sp = full.indexOf(' ');
    return sp < 0 ? full : full.substring(0, sp).toLowerCase(Locale.ROOT) + full.substring(sp);
  }

  /** {@code Quận ủy Hai Bà Trưng}, {@code Huyện ủy Gia Lâm}, {@code Thị ủy Sơn Tây}. */
  private static String partyCommittee(Unit u) {
    String t =
        switch (u.districtType()) {
          case "Quận" -> "Quận ủy";
          case "Huyện" -> "Huyện ủy";
          case "Thị xã" -> "Thị ủy";
          default -> "Thành ủy";
        };
    return t + " " + u.district();
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  /** A sentence citing a document; numbers are skewed to small values so facets repeat. */
  private static String documentRef(SplittableRandom r, LocalDate d) {
    int n = 1 + (int) Math.floor(Math.pow(r.nextDouble(), 2.5) * 150);
    if (r.nextInt(100) < 55) {
      String[] f = PARTY[r.nextInt(PARTY.length)];
      String number = n + "-" + f[0] + "/" + f[2];
      return "Thực hiện "
          + f[1]
          + " số "
          + number
          + " "
          + f[3]
          + ", các cấp đã quán triệt và triển khai kịp thời.";
    }
    String[] f = STATE[r.nextInt(STATE.length)];
    int year = Math.max(2010, d.getYear() - r.nextInt(6));
    String number = f[3].equals("y") ? n + "/" + year + "/" + f[0] : (n * 7 + 100) + "/" + f[0];
    return "Căn cứ "
        + f[1]
        + " số "
        + number
        + " "
        + f[2]
        + ", đơn vị đã xây dựng kế hoạch thực hiện.";
  }

  /** One sentence walked from the bigram chain, ending at a full stop or a paragraph break. */
  private void sentence(SplittableRandom r, StringBuilder out) {
    int w = model.starts[r.nextInt(model.starts.length)];
    for (int k = 0; k < 80; k++) {
      String tok = model.words[w];
      if (tok.equals(CorpusModel.PARAGRAPH)) {
        trimEnd(out);
        out.append('\n');
        return;
      }
      out.append(tok);
      char last = tok.charAt(tok.length() - 1);
      if (last == '.' || last == '!' || last == '?') {
        out.append(' ');
        return;
      }
      out.append(' ');
      int[] next = model.successors[w];
      if (next.length == 0) {
        break;
      }
      w = next[r.nextInt(next.length)];
    }
    trimEnd(out);
    out.append(". ");
  }

  private static void trimEnd(StringBuilder sb) {
    while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
      sb.setLength(sb.length() - 1);
    }
  }

  private String title(SplittableRandom r, Unit u) {
    StringBuilder t = new StringBuilder();
    if (u != null && r.nextBoolean()) {
      t.append(capitalize(unitName(u))).append(": ");
    }
    int len = 8 + r.nextInt(9);
    int w = model.starts[r.nextInt(model.starts.length)];
    for (int k = 0; k < len; k++) {
      String tok = model.words[w];
      if (tok.equals(CorpusModel.PARAGRAPH)) {
        break;
      }
      t.append(tok).append(' ');
      char last = tok.charAt(tok.length() - 1);
      if (last == '.' || last == '!' || last == '?') {
        break;
      }
      int[] next = model.successors[w];
      if (next.length == 0) {
        break;
      }
      w = next[r.nextInt(next.length)];
    }
    String s = t.toString().strip();
    while (!s.isEmpty() && ".,;:".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** The corpus file for (n, seed) under a cache folder, generated when missing. */
  public static Path cached(Path shared, Path cacheDir, int n, long seed, java.io.PrintStream log)
      throws IOException {
    Path f = cacheDir.resolve(String.format(Locale.ROOT, "corpus-%d-%d.jsonl.gz", n, seed));
    if (Files.exists(f)) {
      return f;
    }
    Files.createDirectories(cacheDir);
    long t0 = System.nanoTime();
    CorpusGenerator g = fromShared(shared, seed);
    log.println("bench: " + g.model().describe());
    Path tmp = cacheDir.resolve(f.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      g.write(n, out);
    }
    Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    log.printf(
        Locale.ROOT,
        "bench: generated %,d documents in %.1f s: %s (%,d bytes gzipped)%n",
        n,
        (System.nanoTime() - t0) / 1e9,
        f,
        Files.size(f));
    return f;
  }
}
