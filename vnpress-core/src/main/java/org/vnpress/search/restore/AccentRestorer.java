package org.vnpress.search.restore;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.vnpress.analysis.VietnameseFolder;
import org.vnpress.analysis.VietnameseNormalizer;
import org.vnpress.index.NgramKeys;
import org.vnpress.index.NgramKeys.Kind;
import org.vnpress.index.NgramTable;
import org.vnpress.index.PressIndex;
import org.vnpress.index.SyllableCounts;
import org.vnpress.index.TextCounts;

/**
 * "Có phải bạn muốn tìm": puts the diacritics back into a query typed without them, with a trigram
 * language model of syllables over the index's own text (kept by {@link SyllableCounts}) added to a
 * shipped model ({@link FallbackModel}) that carries a new or small index. Each word's accented
 * forms come from the vocabulary ({@code tai} → {@code tại, tài, tai, tải…}); a Viterbi walk over
 * pairs of forms picks the reading the model finds likeliest, scored with stupid backoff (Brants et
 * al. 2007): the trigram's share of its context, else 0.4 × the bigram's, else 0.16 × the
 * unigram's.
 *
 * <ul>
 *   <li>Numbers and document numbers ({@code 15-NQ/TW}) stay as typed and stand for one class in
 *       the model, so the words around them are still restored.
 *   <li>Words typed with diacritics stay as typed and are context for the others.
 *   <li>Latin words the text never accents stay as typed.
 *   <li>Case: capitals the user typed are kept; a word typed in lower case gets a capital when the
 *       text capitalizes it in that context nearly always (a name: {@code Hoàng Mai}, {@code
 *       Vinamilk}), in the spelling the text uses most (tone placement too).
 *   <li>A suggestion is made only when the restored reading is clearly more likely than the words
 *       as typed.
 * </ul>
 */
public final class AccentRestorer {

  private static final double BACKOFF = Math.log(0.4);

  /** The restored reading must be this many times likelier than the query as typed. */
  static final double MARGIN = Math.log(20);

  /** Forms per word that the walk considers, commonest first. */
  static final int MAX_FORMS = 12;

  /** Share of case-telling occurrences that must be capitalized for a word to get a capital. */
  static final double CAPITALS = 0.98;

  /** Occurrences that a capital needs as evidence. */
  private static final int CAPITAL_EVIDENCE = 3;

  /** Longer queries are not restored (a pasted paragraph). */
  static final int MAX_PIECES = 32;

  private static final long NUMBER = NgramKeys.syllable(TextCounts.NUMBER);

  /**
   * The shipped model is left out once the index has counted this many syllables, 20 times the
   * shipped model's (about 500,000 documents).
   */
  public static final long OUTGROWN = 500_000_000L;

  private static final NgramTable NONE = NgramTable.empty();

  /** The most a count of the index's own text weighs against the shipped model's. */
  static final double INDEX_WEIGHT = 10;

  private final Supplier<NgramTable> index;
  private final Supplier<NgramTable> fallback;
  private final VietnameseFolder folder = new VietnameseFolder();

  /** The restorer of an index: its own counts, as of its last commit, and the shipped model. */
  public static AccentRestorer of(PressIndex index) {
    SyllableCounts counts = index.syllableCounts();
    return new AccentRestorer(counts::table, FallbackModel::table);
  }

  /** The restorer of counts kept elsewhere (another backend), with the shipped model. */
  public static AccentRestorer of(SyllableCounts counts) {
    return new AccentRestorer(counts::table, FallbackModel::table);
  }

  /**
   * @param index the index's counts, read at each call (they change at commits)
   * @param fallback the counts that back it up, asked for only while the index is smaller than
   *     {@link #OUTGROWN} tokens (so a large index never loads them)
   */
  public AccentRestorer(Supplier<NgramTable> index, Supplier<NgramTable> fallback) {
    this.index = index;
    this.fallback = fallback;
  }

  private enum Type {
    /** Letters without diacritics: to restore. */
    PLAIN,
    /** Letters with diacritics: the user's choice. */
    ACCENTED,
    /** Holds a digit: a number or a document number. */
    NUMBER,
    /** An operator of the query syntax, or something that is no word. */
    OTHER
  }

  /** One whitespace-separated piece of the query: syntax around a word. */
  private record Piece(String prefix, String word, String suffix, Type type, boolean excluded) {}

  /** A form a word may take, with its key and count in both models. */
  private record Form(String form, long hash, long count) {}

  /** The two models read as one: counts add up, as if the shipped text were in the index. */
  /**
   * The index's counts ({@code a}, weighted) beside the shipped model's ({@code b}). The index is
   * the text people search, so a small index speaks with the weight of up to {@link #INDEX_WEIGHT}
   * times its size, as much as the shipped model at most: a party-press index that writes "Quận ủy"
   * and never "Quân ủy" restores "quan uy" as the former.
   */
  private record Model(NgramTable a, NgramTable b, double weight) {
    static Model of(NgramTable a, NgramTable b) {
      double w =
          b.tokens() == 0 || a.tokens() == 0
              ? 1
              : Math.max(1, Math.min(INDEX_WEIGHT, (double) b.tokens() / a.tokens()));
      return new Model(a, b, w);
    }

    long count(long key) {
      return Math.round(weight * a.count(key)) + b.count(key);
    }

    /**
     * The two tables' counts unweighted: what decides capitals, where a few lower-case occurrences
     * in a small index must not outvote the shipped text's evidence.
     */
    long raw(long key) {
      return (long) a.count(key) + b.count(key);
    }

    long tokens() {
      return Math.max(1, Math.round(weight * a.tokens()) + b.tokens());
    }
  }

  /** Restores a query; thread-safe, reads only memory. */
  public Restoration restore(String query) {
    if (query == null || query.isBlank()) {
      return new Restoration(null, List.of());
    }
    String[] raw = query.strip().split("\\s+");
    List<Piece> pieces = new ArrayList<>(raw.length);
    List<String> typed = new ArrayList<>(raw.length);
    for (String r : raw) {
      Piece p = piece(r);
      pieces.add(p);
      typed.add(p.word.isEmpty() ? r : p.word);
    }
    if (pieces.size() > MAX_PIECES || pieces.stream().noneMatch(p -> p.type == Type.PLAIN)) {
      return new Restoration(null, typed);
    }
    NgramTable own = index.get();
    // an index this large says all that the shipped text says: one lookup per n-gram, not two
    Model model = Model.of(own, own.tokens() >= OUTGROWN ? NONE : fallback.get());
    String[] out = new String[pieces.size()];
    double gain = 0;
    boolean changed = false;
    // runs of pieces that read as one stretch of text: operators and exclusions break them
    int start = 0;
    while (start < pieces.size()) {
      int end = start;
      while (end < pieces.size()
          && joins(pieces.get(end))
          && (end == start || !pieces.get(end).excluded)) {
        end++;
      }
      if (end == start) {
        out[start] = typed.get(start);
        start++;
        continue;
      }
      if (pieces.get(start).excluded) {
        // an excluded word is read alone: it is no part of the phrase around it
        end = start + 1;
      }
      List<Piece> run = pieces.subList(start, end);
      List<List<Form>> forms = new ArrayList<>();
      List<Form> literal = new ArrayList<>();
      for (Piece p : run) {
        List<Form> f = forms(p, model);
        forms.add(f);
        literal.add(p.type == Type.PLAIN ? literalForm(p, model) : f.get(0));
      }
      int[] best = viterbi(forms, model);
      List<Form> chosen = new ArrayList<>();
      for (int i = 0; i < best.length; i++) {
        chosen.add(forms.get(i).get(best[i]));
        changed |= !chosen.get(i).form.equals(literal.get(i).form);
      }
      gain += score(chosen, model) - score(literal, model);
      for (int i = 0; i < run.size(); i++) {
        out[start + i] = written(run.get(i), chosen, i, model);
      }
      start = end;
    }
    if (!changed || gain < MARGIN) {
      return new Restoration(null, typed);
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pieces.size(); i++) {
      Piece p = pieces.get(i);
      if (i > 0) {
        s.append(' ');
      }
      s.append(p.word.isEmpty() ? raw[i] : p.prefix + out[i] + p.suffix);
    }
    return new Restoration(s.toString(), List.of(out));
  }

  private static boolean joins(Piece p) {
    return p.type != Type.OTHER;
  }

  private Piece piece(String raw) {
    int a = 0;
    int b = raw.length();
    while (a < b && "-+\"(".indexOf(raw.charAt(a)) >= 0) {
      a++;
    }
    while (b > a && "\"),.;:!?".indexOf(raw.charAt(b - 1)) >= 0) {
      b--;
    }
    String prefix = raw.substring(0, a);
    String word = raw.substring(a, b);
    String suffix = raw.substring(b);
    boolean excluded = prefix.startsWith("-");
    if (word.isEmpty() || word.equals("OR") || word.equals("AND") || word.equals("NOT")) {
      return new Piece(prefix, word, suffix, Type.OTHER, excluded);
    }
    boolean digit = false;
    boolean letters = true;
    boolean plain = true;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      digit |= Character.isDigit(c);
      boolean mark = c >= '\u0300' && c <= '\u036F';
      letters &= Character.isLetter(c) || mark;
      plain &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    Type t = digit ? Type.NUMBER : plain ? Type.PLAIN : letters ? Type.ACCENTED : Type.OTHER;
    return new Piece(prefix, word, suffix, t, excluded);
  }

  /** The forms a piece may take in the walk, commonest first (at least one). */
  private List<Form> forms(Piece p, Model m) {
    switch (p.type) {
      case NUMBER:
        return List.of(new Form(TextCounts.NUMBER, NUMBER, m.count(uni(NUMBER))));
      case ACCENTED:
        {
          String key = exactKey(p.word);
          long h = NgramKeys.syllable(key);
          return List.of(new Form(key, h, m.count(uni(h))));
        }
      default:
        break;
    }
    String folded = p.word.toLowerCase(Locale.ROOT);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (NgramTable t : new NgramTable[] {m.a, m.b}) {
      for (int id : t.formsOf(folded)) {
        counts.merge(t.form(id), (long) t.formCount(id), Long::sum);
      }
    }
    if (counts.isEmpty()) {
      return List.of(literalForm(p, m));
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(MAX_FORMS)
        .map(e -> new Form(e.getKey(), NgramKeys.syllable(e.getKey()), e.getValue()))
        .toList();
  }

  private static Form literalForm(Piece p, Model m) {
    String w = p.word.toLowerCase(Locale.ROOT);
    long h = NgramKeys.syllable(w);
    return new Form(w, h, m.count(uni(h)));
  }

  /** The exact key of a word typed with diacritics, as the index writes its terms. */
  private static String exactKey(String word) {
    String lower = Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    char[] c = lower.toCharArray();
    return new String(c, 0, new VietnameseNormalizer().normalize(c, c.length));
  }

  private static long uni(long h) {
    return NgramKeys.of(Kind.UNIGRAM, h);
  }

  /** log S(w | u v) with stupid backoff, looked up directly; u or v may be absent (0). */
  private static double logProb(long u, long v, Form w, Model m) {
    double penalty = 0;
    if (u != 0 && v != 0) {
      long c3 = m.count(NgramKeys.of(Kind.TRIGRAM, u, v, w.hash));
      if (c3 > 0) {
        return Math.log((double) c3 / Math.max(c3, m.count(NgramKeys.of(Kind.BIGRAM, u, v))));
      }
      penalty += BACKOFF;
    }
    if (v != 0) {
      long c2 = m.count(NgramKeys.of(Kind.BIGRAM, v, w.hash));
      if (c2 > 0) {
        return penalty + Math.log((double) c2 / Math.max(c2, m.count(uni(v))));
      }
      penalty += BACKOFF;
    }
    return penalty + logUnigram(w.count, m);
  }

  private static double logUnigram(long count, Model m) {
    return Math.log((count > 0 ? count : 0.5) / m.tokens());
  }

  /** The log probability of a path of forms. */
  private static double score(List<Form> path, Model m) {
    double s = 0;
    for (int i = 0; i < path.size(); i++) {
      long u = i >= 2 ? path.get(i - 2).hash : 0;
      long v = i >= 1 ? path.get(i - 1).hash : 0;
      s += logProb(u, v, path.get(i), m);
    }
    return s;
  }

  /** States this far (in log probability) below the best at their position are not extended. */
  private static final double PRUNE = 15;

  /**
   * The likeliest choice of form at each position: Viterbi over pairs of neighbouring forms, with
   * the bigram and unigram terms computed once per pair and the states far below the best pruned.
   */
  private static int[] viterbi(List<List<Form>> forms, Model m) {
    int n = forms.size();
    Form[][] f = new Form[n][];
    double[][] uni = new double[n][];
    for (int i = 0; i < n; i++) {
      f[i] = forms.get(i).toArray(Form[]::new);
      uni[i] = new double[f[i].length];
      for (int a = 0; a < f[i].length; a++) {
        uni[i][a] = logUnigram(f[i][a].count, m);
      }
    }
    if (n == 1) {
      int best = 0;
      for (int a = 1; a < f[0].length; a++) {
        if (uni[0][a] > uni[0][best]) {
          best = a;
        }
      }
      return new int[] {best};
    }
    // pair[i][a][b]: count of (form a at i-1, form b at i); bi: log S(b | a), backed off
    long[][][] pair = new long[n][][];
    double[][][] bi = new double[n][][];
    for (int i = 1; i < n; i++) {
      pair[i] = new long[f[i - 1].length][f[i].length];
      bi[i] = new double[f[i - 1].length][f[i].length];
      for (int a = 0; a < f[i - 1].length; a++) {
        long ca = f[i - 1][a].count;
        for (int b = 0; b < f[i].length; b++) {
          long c2 = m.count(NgramKeys.of(Kind.BIGRAM, f[i - 1][a].hash, f[i][b].hash));
          pair[i][a][b] = c2;
          bi[i][a][b] = c2 > 0 ? Math.log((double) c2 / Math.max(c2, ca)) : BACKOFF + uni[i][b];
        }
      }
    }
    double[][] score = new double[f[0].length][f[1].length];
    double top = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < f[0].length; a++) {
      for (int b = 0; b < f[1].length; b++) {
        score[a][b] = uni[0][a] + bi[1][a][b];
        top = Math.max(top, score[a][b]);
      }
    }
    int[][][] back = new int[n][][];
    for (int i = 2; i < n; i++) {
      double[][] next = new double[f[i - 1].length][f[i].length];
      int[][] from = new int[f[i - 1].length][f[i].length];
      for (double[] row : next) {
        java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
      }
      double nextTop = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < f[i - 2].length; a++) {
        for (int b = 0; b < f[i - 1].length; b++) {
          double s = score[a][b];
          if (s < top - PRUNE) {
            continue;
          }
          long ab = pair[i - 1][a][b];
          for (int c = 0; c < f[i].length; c++) {
            double lp;
            long c3 =
                ab == 0
                    ? 0
                    : m.count(
                        NgramKeys.of(
                            Kind.TRIGRAM, f[i - 2][a].hash, f[i - 1][b].hash, f[i][c].hash));
            lp = c3 > 0 ? Math.log((double) c3 / Math.max(c3, ab)) : BACKOFF + bi[i][b][c];
            double v = s + lp;
            if (v > next[b][c]) {
              next[b][c] = v;
              from[b][c] = a;
              nextTop = Math.max(nextTop, v);
            }
          }
        }
      }
      back[i] = from;
      score = next;
      top = nextTop;
    }
    int bestA = 0;
    int bestB = 0;
    for (int a = 0; a < score.length; a++) {
      for (int b = 0; b < score[a].length; b++) {
        if (score[a][b] > score[bestA][bestB]) {
          bestA = a;
          bestB = b;
        }
      }
    }
    int[] path = new int[n];
    path[n - 1] = bestB;
    path[n - 2] = bestA;
    for (int i = n - 1; i >= 2; i--) {
      path[i - 2] = back[i][path[i - 1]][path[i]];
    }
    return path;
  }

  /** How a chosen form is written: the user's capitals, else the text's for names. */
  private String written(Piece p, List<Form> chosen, int i, Model m) {
    if (p.type != Type.PLAIN) {
      return p.word;
    }
    Form f = chosen.get(i);
    String surface = surface(f.form, m);
    String lower = surface.toLowerCase(Locale.ROOT);
    String typed = p.word;
    if (!typed.equals(typed.toLowerCase(Locale.ROOT))) {
      return withCaseOf(typed, lower);
    }
    if (!capitalized(chosen, i, m)) {
      return lower;
    }
    if (!surface.equals(lower)) {
      return surface;
    }
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** The spelling the index writes most for a form, else the shipped model's, else the form. */
  private static String surface(String form, Model m) {
    for (NgramTable t : new NgramTable[] {m.a, m.b}) {
      int id = t.id(form);
      if (id >= 0) {
        return t.surface(id);
      }
    }
    return form;
  }

  /** The typed word's capitals put on the restored one, letter by letter. */
  private String withCaseOf(String typed, String lower) {
    boolean allCaps = typed.length() > 1 && typed.equals(typed.toUpperCase(Locale.ROOT));
    if (allCaps) {
      return lower.toUpperCase(Locale.ROOT);
    }
    if (folder.fold(lower).length() != typed.length()) {
      return Character.isUpperCase(typed.charAt(0))
          ? Character.toUpperCase(lower.charAt(0)) + lower.substring(1)
          : lower;
    }
    StringBuilder s = new StringBuilder(lower.length());
    for (int k = 0; k < lower.length(); k++) {
      char c = lower.charAt(k);
      s.append(Character.isUpperCase(typed.charAt(k)) ? Character.toUpperCase(c) : c);
    }
    return s.toString();
  }

  /**
   * Whether the text capitalizes the form at position {@code i} next to a neighbour, nearly always
   * ({@link #CAPITALS}): {@code bà} before {@code trưng}, not before {@code con}; a word seen next
   * to neither neighbour is judged by all its occurrences.
   */
  private static boolean capitalized(List<Form> path, int i, Model m) {
    long h = path.get(i).hash;
    boolean evidence = false;
    if (i > 0) {
      long v = path.get(i - 1).hash;
      long all = m.raw(NgramKeys.of(Kind.BIGRAM, v, h));
      if (all >= CAPITAL_EVIDENCE) {
        evidence = true;
        if (m.raw(NgramKeys.of(Kind.CAPITALIZED_SECOND, v, h)) >= CAPITALS * all) {
          return true;
        }
      }
    }
    if (i + 1 < path.size()) {
      long w = path.get(i + 1).hash;
      long all =
          m.raw(NgramKeys.of(Kind.BIGRAM, h, w))
              - m.raw(NgramKeys.of(Kind.CASE_UNKNOWN_FIRST, h, w));
      if (all >= CAPITAL_EVIDENCE) {
        evidence = true;
        if (m.raw(NgramKeys.of(Kind.CAPITALIZED_FIRST, h, w)) >= CAPITALS * all) {
          return true;
        }
      }
    }
    if (evidence) {
      return false;
    }
    long all = m.raw(NgramKeys.of(Kind.CASE_KNOWN, h));
    return all >= CAPITAL_EVIDENCE && m.raw(NgramKeys.of(Kind.CAPITALIZED, h)) >= CAPITALS * all;
  }
}
