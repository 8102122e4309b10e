package org.vnpress.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Word-bigram statistics of real Vietnamese news, learned at run time from {@code
 * ../shared/corpus/} (whose text may not be copied into the repository): vocabulary, word
 * successors, sentence starts, document lengths, and the rates of decomposed (NFD) and old-style
 * tone placement per document.
 *
 * <p>The learning sample is fixed (every file read in the same order, the same records taken), so a
 * model learned twice is identical and the generator built on it is deterministic.
 */
public final class CorpusModel {

  /**
   * Records taken from the large files: enough for a rich vocabulary, small enough to load fast.
   */
  private static final int BAOMOI_PLAIN = 6_000;

  private static final int VNDS_RECORDS = 3_000;

  /** The paragraph break, a token of its own so paragraphs come out of the chain. */
  static final String PARAGRAPH = "\n";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Combining tone marks: grave, acute, tilde, hook above, dot below. */
  static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

  /**
   * Old style in NFD: the tone on the second vowel of open oa/oe/uy ({@code hoà}, {@code thuỷ}).
   */
  private static final Pattern OLD_STYLE =
      Pattern.compile("(?<![qQ])([oO][aAeE]|[uU][yY])([" + TONES + "])(?![\\p{L}\\p{M}])");

  /** New style in NFD: the tone on the first vowel ({@code hòa}, {@code thủy}). */
  private static final Pattern NEW_STYLE =
      Pattern.compile(
          "(?<![qQ])([oO])(["
              + TONES
              + "])([aAeE])(?![\\p{L}\\p{M}])|(?<![qQ])([uU])(["
              + TONES
              + "])([yY])(?![\\p{L}\\p{M}])");

  final String[] words;
  final int[][] successors;
  final int[] starts;
  final int[] bodyChars;
  final double nfdRate;
  final double oldStyleRate;
  final double bytesPerChar;
  final int learnedDocs;

  private CorpusModel(
      String[] words,
      int[][] successors,
      int[] starts,
      int[] bodyChars,
      double nfdRate,
      double oldStyleRate,
      double bytesPerChar,
      int learnedDocs) {
    this.words = words;
    this.successors = successors;
    this.starts = starts;
    this.bodyChars = bodyChars;
    this.nfdRate = nfdRate;
    this.oldStyleRate = oldStyleRate;
    this.bytesPerChar = bytesPerChar;
    this.learnedDocs = learnedDocs;
  }

  /** Learns from the corpus folder ({@code SHARED/corpus}). */
  public static CorpusModel learn(Path corpus) throws IOException {
    return learn(corpus, BAOMOI_PLAIN, Integer.MAX_VALUE, VNDS_RECORDS);
  }

  /** Learns from a smaller sample: for tests, which need determinism rather than richness. */
  public static CorpusModel learn(Path corpus, int baomoiPlain, int baomoiGov, int vndsRecords)
      throws IOException {
    Learner l = new Learner();
    // Party and state texts first: all resolutions, all baomoi articles tagged gov, then a fixed
    // slice of ordinary news and of VNDS for breadth of vocabulary and the tone-placement mix.
    // Party and state texts weigh twice: all resolutions and all baomoi articles tagged gov; then
    // a fixed slice of ordinary news and of VNDS for breadth of vocabulary and the tone mix.
    for (JsonNode n :
        read(corpus.resolve("official_resolutions_2025.jsonl"), Integer.MAX_VALUE, null)) {
      l.add(n.path("body").asText(""), 2);
    }
    int[] plain = {0};
    int[] gov = {0};
    for (JsonNode n :
        read(
            corpus.resolve("baomoi_2017.jsonl.gz"),
            Integer.MAX_VALUE,
            // parse only what is kept: past the plain slice, only lines tagged gov
            line ->
                plain[0]++ < baomoiPlain
                    || (line.contains("\"gov\": true") && gov[0]++ < baomoiGov))) {
      l.add(n.path("body").asText(""), n.path("gov").asBoolean(false) ? 2 : 1);
    }
    for (JsonNode n : read(corpus.resolve("vnds_dev.jsonl.gz"), vndsRecords, null)) {
      l.add(n.path("body").asText(""), 1);
    }
    return l.build();
  }

  private static List<JsonNode> read(
      Path file, int limit, java.util.function.Predicate<String> keep) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(file)) {
      throw new IOException(
          "the corpus file " + file + " is missing (see ../shared/corpus/README.md)");
    }
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null && out.size() < limit; line = r.readLine()) {
        if (!line.isBlank() && (keep == null || keep.test(line))) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }

  /** True when a text has any old-style tone placement. */
  static boolean hasOldStyle(String text) {
    return OLD_STYLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).find();
  }

  /** Moves tones to the new-style place ({@code hoà} → {@code hòa}); returns NFC. */
  static String toNewStyle(String nfc) {
    String d = Normalizer.normalize(nfc, Normalizer.Form.NFD);
    Matcher m = OLD_STYLE.matcher(d);
    StringBuilder sb = new StringBuilder(d.length());
    while (m.find()) {
      String pair = m.group(1);
      m.appendReplacement(
          sb, Matcher.quoteReplacement(pair.charAt(0) + m.group(2) + pair.charAt(1)));
    }
    m.appendTail(sb);
    return Normalizer.normalize(sb, Normalizer.Form.NFC);
  }

  /** Moves tones to the old-style place ({@code hòa} → {@code hoà}); returns NFC. */
  static String toOldStyle(String nfc) {
    String d = Normalizer.normalize(nfc, Normalizer.Form.NFD);
    Matcher m = NEW_STYLE.matcher(d);
    StringBuilder sb = new StringBuilder(d.length());
    while (m.find()) {
      String rep =
          m.group(1) != null
              ? m.group(1) + m.group(3) + m.group(2)
              : m.group(4) + m.group(6) + m.group(5);
      m.appendReplacement(sb, Matcher.quoteReplacement(rep));
    }
    m.appendTail(sb);
    return Normalizer.normalize(sb, Normalizer.Form.NFC);
  }

  /** A short description for the bench's log. */
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "learned from %d documents: %d words, %d sentence starts, median body %d chars, NFD %.2f%%, old-style %.2f%%",
        learnedDocs,
        words.length,
        starts.length,
        bodyChars[bodyChars.length / 2],
        nfdRate * 100,
        oldStyleRate * 100);
  }

  /** Accumulates bigrams in a fixed order. */
  private static final class Learner {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private final List<int[]> succ = new ArrayList<>();
    private final List<Integer> succLen = new ArrayList<>();
    private int[] starts = new int[1024];
    private int nStarts;
    private final List<Integer> lengths = new ArrayList<>();
    private int docs;
    private int nfd;
    private int old;
    private long chars;
    private long bytes;

    Learner() {
      id(PARAGRAPH);
    }

    private int id(String w) {
      Integer i = ids.get(w);
      if (i == null) {
        i = words.size();
        ids.put(w, i);
        words.add(w);
        succ.add(new int[2]);
        succLen.add(0);
      }
      return i;
    }

    private void follow(int a, int b) {
      int n = succLen.get(a);
      int[] arr = succ.get(a);
      if (n == arr.length) {
        arr = Arrays.copyOf(arr, n * 2);
        succ.set(a, arr);
      }
      arr[n] = b;
      succLen.set(a, n + 1);
    }

    private void start(int w) {
      if (nStarts == starts.length) {
        starts = Arrays.copyOf(starts, nStarts * 2);
      }
      starts[nStarts++] = w;
    }

    void add(String body, int weight) {
      if (body.isBlank()) {
        return;
      }
      for (int k = 1; k < weight; k++) {
        addOnce(body);
      }
      addOnce(body);
    }

    private void addOnce(String body) {
      docs++;
      if (!Normalizer.isNormalized(body, Normalizer.Form.NFC)) {
        nfd++;
      }
      String text = Normalizer.normalize(body, Normalizer.Form.NFC);
      if (hasOldStyle(text)) {
        old++;
      }
      // the chain learns one canonical spelling; the generator re-applies the measured variants
      text = toNewStyle(text);
      lengths.add(text.length());
      chars += text.length();
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
      int prev = -1;
      boolean sentenceStart = true;
      for (String para : text.split("\n+")) {
        for (String tok : para.strip().split("\\s+")) {
          if (tok.isEmpty() || tok.indexOf('\uFFFD') >= 0 || tok.length() > 40) {
            continue;
          }
          int w = id(tok);
          if (sentenceStart && Character.isUpperCase(tok.codePointAt(0))) {
            start(w);
          }
          if (prev >= 0) {
            follow(prev, w);
          }
          prev = w;
          char last = tok.charAt(tok.length() - 1);
          sentenceStart = last == '.' || last == '!' || last == '?';
        }
        if (prev >= 0) {
          follow(prev, 0);
          prev = 0;
        }
        sentenceStart = true;
      }
    }

    CorpusModel build() {
      int[][] s = new int[words.size()][];
      for (int i = 0; i < s.length; i++) {
        s[i] = Arrays.copyOf(succ.get(i), succLen.get(i));
      }
      int[] len = lengths.stream().mapToInt(Integer::intValue).sorted().toArray();
      return new CorpusModel(
          words.toArray(String[]::new),
          s,
          Arrays.copyOf(starts, nStarts),
          len,
          (double) nfd / docs,
          (double) old / docs,
          (double) bytes / chars,
          docs);
    }
  }
}
