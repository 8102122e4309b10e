package org.vnpress.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic mix of the queries people type, cut from the benchmark corpus itself so every
 * query has matches: accented and unaccented runs of 1–4 words, quoted phrases, document numbers, a
 * quarter of them with a district or quarter filter.
 */
public final class QueryMix {

  /** One query of the mix. */
  public record Query(String kind, String q, String district, String quarter) {}

  /** Documents read to cut queries from. */
  private static final int SAMPLE_DOCS = 3_000;

  /** The most frequent words: a query made of these alone is not what people search for. */
  private static final int COMMON = 80;

  private static final Pattern DOC_NUMBER =
      Pattern.compile(
          "\\b\\d{1,4}(?:/\\d{4})?[-/](?:NQ|CT|KL|QĐ|HD|CTr|KH|NĐ|TT)[-/][\\p{Lu}\\p{N}-]*[\\p{Lu}\\p{N}]");

  private QueryMix() {}

  /**
   * {@code n} queries from the first documents of the corpus; filters draw from the given district
   * and quarter facet values (the most frequent ones in the index).
   */
  public static List<Query> build(
      Path corpus, int n, long seed, List<String> districts, List<String> quarters)
      throws IOException {
    List<String[]> sentences = new ArrayList<>();
    Set<String> numbers = new LinkedHashSet<>();
    Map<String, Integer> freq = new HashMap<>();
    CorpusReader.read(
        corpus,
        SAMPLE_DOCS,
        r -> {
          String body = Normalizer.normalize(r.body(), Normalizer.Form.NFC);
          Matcher m = DOC_NUMBER.matcher(body);
          while (m.find()) {
            numbers.add(m.group());
          }
          for (String s : body.split("[.!?;:,\\n“”\"()]+")) {
            String[] words =
                java.util.Arrays.stream(s.strip().split("\\s+"))
                    .filter(w -> w.codePoints().allMatch(Character::isLetter))
                    .toArray(String[]::new);
            if (words.length >= 4) {
              sentences.add(words);
              for (String w : words) {
                freq.merge(w.toLowerCase(Locale.ROOT), 1, Integer::sum);
              }
            }
          }
        });
    Set<String> common = new java.util.HashSet<>();
    freq.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(COMMON)
        .forEach(e -> common.add(e.getKey()));
    List<String> numberList = new ArrayList<>(numbers);
    SplittableRandom r = new SplittableRandom(seed);
    List<Query> out = new ArrayList<>(n);
    while (out.size() < n) {
      int pick = r.nextInt(100);
      String kind;
      String q;
      if (pick < 10 && !numberList.isEmpty()) {
        kind = "document-number";
        q = numberList.get(r.nextInt(numberList.size()));
      } else {
        int len = pick < 30 ? 2 + r.nextInt(2) : 1 + r.nextInt(4);
        String words = window(r, sentences, len, common);
        if (words == null) {
          continue;
        }
        if (pick < 30) {
          kind = "phrase";
          q = "\"" + words + "\"";
        } else if (pick < 55) {
          kind = "unaccented-" + len;
          q = unaccent(words);
        } else {
          kind = "words-" + len;
          q = words;
        }
      }
      String district = null;
      String quarter = null;
      int f = r.nextInt(100);
      if (f < 13 && !districts.isEmpty()) {
        district = districts.get(r.nextInt(districts.size()));
      } else if (f < 25 && !quarters.isEmpty()) {
        quarter = quarters.get(r.nextInt(quarters.size()));
      }
      out.add(new Query(kind, q, district, quarter));
    }
    return out;
  }

  private static String window(
      SplittableRandom r, List<String[]> sentences, int len, Set<String> common) {
    for (int tries = 0; tries < 20; tries++) {
      String[] s = sentences.get(r.nextInt(sentences.size()));
      int at = r.nextInt(s.length - Math.min(len, s.length) + 1);
      List<String> w = java.util.Arrays.asList(s).subList(at, Math.min(s.length, at + len));
      if (w.stream().allMatch(x -> common.contains(x.toLowerCase(Locale.ROOT)))) {
        continue;
      }
      return String.join(" ", w).toLowerCase(Locale.ROOT);
    }
    return null;
  }

  /** What people type without a Vietnamese keyboard: no marks, đ as d. */
  static String unaccent(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return d.replace('đ', 'd').replace('Đ', 'D');
  }
}
