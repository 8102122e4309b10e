package org.vnpress.analysis;

import java.io.IOException;
import java.text.Normalizer;
import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.util.TestUtil;

/**
 * Lucene's {@link BaseTokenStreamTestCase} (JUnit 4, run by the vintage engine) with random text
 * that looks like Vietnamese press releases: syllables in every Unicode form and tone placement,
 * document numbers, the Central Committee abbreviation, numbers, punctuation, the abbreviation
 * list, and Lucene's own random strings between them.
 *
 * <p>{@link #checkRandomVietnamese} runs each text through {@link #checkAnalysisConsistency}, which
 * checks what {@code checkRandomData} checks for one text: the token-stream contract ({@code
 * clearAttributes}, {@code reset}, {@code end}, {@code close}), offsets inside the text and never
 * going backwards (also behind a char filter that moves them), positions and graph offsets, reuse
 * after a partial read or a reader that throws, and {@code normalize}.
 *
 * <p>A failure prints the seed; {@code ./mvnw -B -pl vnpress-analysis test -Dtest=TheTest
 * -Dtests.seed=SEED} replays it.
 */
public abstract class VietnameseTokenStreamTestCase extends BaseTokenStreamTestCase {

  /** Iterations of Lucene's random strings per chain (as Lucene's analysis tests use). */
  static final int LUCENE_ITERATIONS = 1000;

  /** Iterations of Vietnamese-like text per chain. */
  static final int VIETNAMESE_ITERATIONS = 1000;

  private static final String[] INITIALS = {
    "", "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x"
  };

  private static final String[] NUCLEI = {
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oă", "oe", "uy", "uê", "uơ",
    "ươ", "ưa", "ia", "iê", "yê", "uô", "ua", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "iu",
    "oi", "ôi", "ơi", "ui", "ưi", "ưu", "oai", "oay", "uây", "uôi", "ươi", "ươu", "yêu", "iêu",
    "uya", "uyê", "oeo", "uyu"
  };

  private static final String[] FINALS = {"", "", "", "c", "ch", "m", "n", "ng", "nh", "p", "t"};

  /** Combining tone marks: grave, hook above, tilde, acute, dot below. */
  private static final char[] TONES = {'\u0300', '\u0309', '\u0303', '\u0301', '\u0323'};

  private static final String[] CODES = {
    "NQ",
    "QĐ",
    "NĐ",
    "CT",
    "KL",
    "TB",
    "HD",
    "TT",
    "Ctr",
    "CTr",
    "QU",
    "TU",
    "TƯ",
    "T.Ư",
    "T.W",
    "TW",
    "TTg",
    "CP",
    "UBND",
    "HĐND",
    "UBTVQH15",
    "BTC",
    "BCH",
    "VPCP",
    "QUTW",
    "QUTƯ",
    "ĐU",
    "BTV",
    "TU\u031B",
    "T.U\u031B",
    "nq",
    "tư"
  };

  private static final String[] CENTRAL = {"T.Ư", "T.W", "T.U\u031B", "t.ư", "T.Ư.", "T.w", "T.U"};

  private static final String[] NUMBERS = {
    "9,54", "1.000", "19/10/2022", "2020-2025", "3,5%", "19-10", "0", "2.345.678", "1,", ".5", "10."
  };

  private static final String[] PUNCTUATION = {
    ".", ",", ";", ":", "-", "–", "—", "/", "(", ")", "\"", "“", "”", "'", "…", "%", "!", "?", "./",
    "-/", "//", "--"
  };

  private static final String[] SPACES = {" ", " ", " ", " ", "\n", "\t", "\u00A0", "\r\n", "  "};

  private static final String[] NOISE = {
    "\u0301",
    "\u031B",
    "\u0323\u0302",
    "😀",
    "𠀀",
    "𝐀",
    "𝐀\u0301",
    "\u200D",
    "\uFEFF",
    "\u0000",
    "ǅ",
    "İ",
    "ß",
    "ﬁ",
    "Ω",
    "中文",
    "ไทย"
  };

  /**
   * Unpaired surrogates, which a Java string (and a broken page) can hold. Lucene's own random
   * strings never have them, and its StandardTokenizer drops the whole text before a trailing one.
   */
  private static final String[] LONE_SURROGATES = {"\uD800", "\uDC00", "a\uD800", "\uDBFF\u0301"};

  /** The abbreviation list's spellings, so that query-time synonyms match and build graphs. */
  private static final List<String> ABBREVIATIONS = allAbbreviations();

  private static List<String> allAbbreviations() {
    List<String> out = new ArrayList<>();
    for (List<String> entry : VietnameseAnalyzer.abbreviations()) {
      out.addAll(entry);
    }
    return out;
  }

  /** A random Vietnamese-like text of up to {@code maxPieces} pieces. */
  static String randomVietnamese(Random r, int maxPieces, boolean loneSurrogates) {
    StringBuilder s = new StringBuilder();
    int pieces = r.nextInt(maxPieces + 1);
    for (int p = 0; p < pieces; p++) {
      if (p > 0) {
        int glue = r.nextInt(20);
        if (glue < 12) {
          s.append(pick(r, SPACES));
        } else if (glue < 16) {
          s.append(pick(r, PUNCTUATION));
          if (r.nextBoolean()) {
            s.append(' ');
          }
        } // else nothing: pieces glued together ("15-NQ/TƯngày", "T.Ưđã")
      }
      int kind = r.nextInt(100);
      if (kind < 55) {
        s.append(syllable(r));
      } else if (kind < 67) {
        s.append(documentNumber(r));
      } else if (kind < 71) {
        s.append(pick(r, CENTRAL));
      } else if (kind < 78) {
        s.append(r.nextBoolean() ? pick(r, NUMBERS) : Integer.toString(r.nextInt(100_000)));
      } else if (kind < 86) {
        String a = ABBREVIATIONS.get(r.nextInt(ABBREVIATIONS.size()));
        s.append(r.nextBoolean() ? a : a.toUpperCase(Locale.ROOT));
      } else if (kind < 92) {
        s.append(loneSurrogates && r.nextInt(4) == 0 ? pick(r, LONE_SURROGATES) : pick(r, NOISE));
      } else {
        s.append(TestUtil.randomAnalysisString(r, 8, false));
      }
    }
    return s.toString();
  }

  /** A syllable with a random tone on a random vowel, in a random case and Unicode form. */
  static String syllable(Random r) {
    String initial = pick(r, INITIALS);
    String nucleus = pick(r, NUCLEI);
    String fin = pick(r, FINALS);
    int tone = r.nextInt(6);
    if (tone > 0) {
      // any vowel of the cluster: old-style, new-style and wrong placements
      int at = r.nextInt(nucleus.length());
      String toned =
          Normalizer.normalize(nucleus.charAt(at) + String.valueOf(TONES[tone - 1]), Form.NFC);
      nucleus = nucleus.substring(0, at) + toned + nucleus.substring(at + 1);
    }
    String s = initial + nucleus + fin;
    switch (r.nextInt(10)) {
      case 0 -> s = s.toUpperCase(Locale.ROOT);
      case 1, 2 -> s = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
      default -> {}
    }
    return switch (r.nextInt(20)) {
      case 0, 1, 2, 3 -> Normalizer.normalize(s, Form.NFD);
      case 4, 5 -> shuffleMarks(r, Normalizer.normalize(s, Form.NFD));
      case 6 -> partlyDecomposed(r, s);
      default -> s;
    };
  }

  /** Combining marks after each letter in a random order (dot below before the circumflex). */
  private static String shuffleMarks(Random r, String nfd) {
    StringBuilder out = new StringBuilder();
    List<Character> marks = new ArrayList<>();
    for (int i = 0; i <= nfd.length(); i++) {
      char c = i < nfd.length() ? nfd.charAt(i) : ' ';
      if (i < nfd.length() && c >= '\u0300' && c <= '\u036F') {
        marks.add(c);
        continue;
      }
      while (!marks.isEmpty()) {
        out.append(marks.remove(r.nextInt(marks.size())));
      }
      if (i < nfd.length()) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The hat, breve or horn composed, the tone mark left combining after it. */
  private static String partlyDecomposed(Random r, String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      String nfd = Normalizer.normalize(s.substring(i, i + 1), Form.NFD);
      if (nfd.length() == 3) {
        out.append(Normalizer.normalize(nfd.substring(0, 2), Form.NFC)).append(nfd.charAt(2));
      } else if (nfd.length() == 2 && r.nextBoolean()) {
        out.append(nfd);
      } else {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }

  /** {@code 15-NQ/TƯ}, {@code 15- NQ/TW}, {@code 100/2019/NĐ-CP} and near misses. */
  static String documentNumber(Random r) {
    StringBuilder s = new StringBuilder();
    s.append(r.nextInt(20) == 0 ? Long.toString(r.nextLong() & 0xFFFFFFFFFL) : r.nextInt(2000));
    int years = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0;
    for (int y = 0; y < years; y++) {
      s.append('/').append(1990 + r.nextInt(40));
    }
    if (r.nextInt(10) == 0) {
      s.append(' ');
    }
    s.append(r.nextInt(5) < 3 ? '-' : '/');
    if (r.nextInt(8) == 0) {
      s.append(' ');
    }
    int codes = 1 + r.nextInt(3);
    for (int c = 0; c < codes; c++) {
      if (c > 0) {
        s.append(r.nextBoolean() ? '/' : '-');
      }
      s.append(pick(r, CODES));
    }
    return s.toString();
  }

  private static String pick(Random r, String[] from) {
    return from[r.nextInt(from.length)];
  }

  /**
   * Vietnamese-like random text through the analyzer, first on this thread and then the same texts
   * on several threads at once (as {@code checkRandomData} does with its own strings).
   */
  static void checkRandomVietnamese(Analyzer a, int iterations) throws IOException {
    checkRandomVietnamese(a, iterations, true);
  }

  /**
   * @param loneSurrogates whether the texts may hold unpaired surrogates (false for chains on
   *     Lucene's StandardTokenizer)
   */
  static void checkRandomVietnamese(Analyzer a, int iterations, boolean loneSurrogates)
      throws IOException {
    long seed = random().nextLong();
    runVietnamese(seed, a, iterations, loneSurrogates);
    int threads = TestUtil.nextInt(random(), 2, 3);
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  runVietnamese(seed, a, iterations, loneSurrogates);
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              });
      running.add(thread);
      thread.start();
    }
    start.countDown();
    for (Thread thread : running) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    if (failure.get() != null) {
      throw new AssertionError("a thread failed", failure.get());
    }
  }

  private static void runVietnamese(long seed, Analyzer a, int iterations, boolean loneSurrogates)
      throws IOException {
    Random r = new Random(seed);
    for (int i = 0; i < iterations; i++) {
      String text = randomVietnamese(r, 24, loneSurrogates);
      boolean charFilter = r.nextBoolean();
      try {
        checkAnalysisConsistency(r, a, charFilter, text);
      } catch (Throwable t) {
        throw new AssertionError(
            "text='" + escape(text) + "' charFilter=" + charFilter + ": " + t.getMessage(), t);
      }
    }
  }
}
