package org.vnpress.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.analysis.VietnameseFolder;
import org.vnpress.index.TextFields;

/**
 * What a result shows of its text, decided once for every backend: the title with the query's words
 * marked, and one or two passages of the body, about 160 to 300 characters, where the words stand
 * together. Made from the stored text, so the embedded index and a cluster show the same.
 *
 * <ul>
 *   <li>An accented query marks its own spelling; an unaccented one marks its accented reading when
 *       one is known (the restored query), else every spelling of its folded words.
 *   <li>Query words found next to each other as in the query are marked as one ({@code Quận ủy Hoàn
 *       Kiếm}); a word standing alone is marked only where no two stand together.
 *   <li>A document number is marked whole ({@code 15-NQ/TƯ}), never its parts elsewhere.
 *   <li>Only {@code <mark>} is markup; everything else is escaped.
 * </ul>
 */
public final class Snippets {

  /** A passage longer than this is cut around its marks. */
  static final int MAX_PASSAGE = 300;

  /** A first passage shorter than this is followed by the next best. */
  static final int MIN_SNIPPET = 160;

  /** What a body without marks shows: its opening. */
  static final int OPENING = 200;

  private final Analyzer analyzer = new VietnameseAnalyzer(VietnameseAnalyzer.Key.EXACT);
  private final VietnameseFolder folder = new VietnameseFolder();

  /** The words a search marks, in the query's order. */
  public record Marking(List<String> exact, List<String> folded, boolean accented) {
    static final Marking NONE = new Marking(List.of(), List.of(), false);

    boolean isEmpty() {
      return exact.isEmpty();
    }
  }

  /**
   * The marking of a query's plain words (phrases included, exclusions and ORs left out).
   *
   * @param reading the accented words to mark for an unaccented query, or null
   */
  public Marking marking(String q, List<String> reading) {
    String plain =
        q == null
            ? ""
            : q.replaceAll("(\\d)\\s*-\\s+(?=\\p{L})", "$1-")
                .replaceAll("(?<=\\s|^)-\\S*|\\bOR\\b|[\"()]", " ")
                .strip();
    if (plain.isEmpty()) {
      return Marking.NONE;
    }
    boolean accented = TextQueryBuilder.hasDiacritics(plain);
    String source = plain;
    if (!accented && reading != null && !reading.isEmpty()) {
      source = String.join(" ", reading);
      accented = TextQueryBuilder.hasDiacritics(source);
    }
    List<String> exact = new ArrayList<>();
    List<String> folded = new ArrayList<>();
    for (Token t : tokens(source, 0)) {
      exact.add(t.exact);
      folded.add(t.folded);
    }
    return new Marking(List.copyOf(exact), List.copyOf(folded), accented);
  }

  /** The title, every matching word marked (runs as one). */
  public String title(String title, Marking m) {
    if (title == null || title.isEmpty()) {
      return "";
    }
    List<Token> tokens = tokens(title, 0);
    boolean[] marked = marks(tokens, m);
    return html(title, tokens, marked, 0, title.length());
  }

  /**
   * One or two passages of the body with the query's words marked; its opening when none. Only the
   * sentences that can hold a query word (their folded text contains one) are analysed.
   */
  public String body(String body, Marking m) {
    if (body == null || body.isBlank()) {
      return "";
    }
    List<String> probes = probes(m);
    List<Passage> found = new ArrayList<>();
    for (int[] sentence : sentences(body)) {
      String text = body.substring(sentence[0], sentence[1]);
      if (!mayHold(text, probes)) {
        continue;
      }
      List<Token> tokens = tokens(text, sentence[0]);
      boolean[] marked = marks(tokens, m);
      Set<String> distinct = new HashSet<>();
      int runs = 0;
      boolean inRun = false;
      for (int t = 0; t < tokens.size(); t++) {
        if (marked[t]) {
          distinct.add(tokens.get(t).folded);
          runs += inRun ? 0 : 1;
          inRun = true;
        } else {
          inRun = false;
        }
      }
      if (!distinct.isEmpty()) {
        // marked words count, runs of them more than scattered ones
        double score = distinct.size() * 2.0 - runs * 0.5 + 1;
        found.add(new Passage(sentence, tokens, marked, score, found.size()));
      }
    }
    if (found.isEmpty()) {
      int end = cut(body, 0, Math.min(body.length(), OPENING));
      return Html.escape(body.substring(0, end).strip()) + (end < body.length() ? " …" : "");
    }
    List<Passage> ranked = new ArrayList<>(found);
    ranked.sort(
        (a, b) -> a.score != b.score ? Double.compare(b.score, a.score) : a.order - b.order);
    Passage best = ranked.get(0);
    int[] first = window(body, best.sentence, best.tokens, best.marked);
    if (first[1] - first[0] < MIN_SNIPPET && ranked.size() > 1) {
      Passage other = ranked.get(1);
      int[] next = window(body, other.sentence, other.tokens, other.marked);
      if (first[1] - first[0] + (next[1] - next[0]) <= MAX_PASSAGE + 40) {
        // both, in the order of the text
        boolean bestFirst = best.order < other.order;
        Passage a = bestFirst ? best : other;
        Passage b = bestFirst ? other : best;
        return passage(body, a.tokens, a.marked, bestFirst ? first : next)
            + " … "
            + passage(body, b.tokens, b.marked, bestFirst ? next : first);
      }
    }
    return passage(body, best.tokens, best.marked, first);
  }

  /** A sentence that holds query words, with its tokens and marks. */
  private record Passage(
      int[] sentence, List<Token> tokens, boolean[] marked, double score, int order) {}

  /**
   * What a sentence's folded text must contain for it to hold a query word: each word's first run
   * of letters or digits ({@code 15} for {@code 15-nq/tw}).
   */
  private static List<String> probes(Marking m) {
    List<String> out = new ArrayList<>();
    for (String f : m.folded) {
      int start = 0;
      while (start < f.length() && !Character.isLetterOrDigit(f.charAt(start))) {
        start++;
      }
      int end = start;
      while (end < f.length() && Character.isLetterOrDigit(f.charAt(end))) {
        end++;
      }
      if (end > start) {
        out.add(f.substring(start, end));
      }
    }
    return out;
  }

  private boolean mayHold(String text, List<String> probes) {
    if (probes.isEmpty()) {
      return false;
    }
    String folded = folder.fold(text.toLowerCase(java.util.Locale.ROOT));
    for (String p : probes) {
      if (folded.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** A passage as HTML, with an ellipsis where it was cut inside its sentence. */
  private String passage(String body, List<Token> tokens, boolean[] marked, int[] span) {
    String html = html(body, tokens, marked, span[0], span[1]).strip();
    boolean cutStart = span[2] == 1;
    boolean cutEnd = span[3] == 1;
    return (cutStart ? "… " : "") + html + (cutEnd ? " …" : "");
  }

  /**
   * The part of a sentence to show: the whole sentence when short enough, else a window of at most
   * {@link #MAX_PASSAGE} characters starting a little before its first mark. Returns {start, end,
   * cut at start (1/0), cut at end (1/0)}.
   */
  private static int[] window(String body, int[] sentence, List<Token> tokens, boolean[] marked) {
    int start = sentence[0];
    int end = sentence[1];
    while (start < end && Character.isWhitespace(body.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(body.charAt(end - 1))) {
      end--;
    }
    if (end - start <= MAX_PASSAGE) {
      return new int[] {start, end, 0, 0};
    }
    int firstMark = start;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.start >= start && t.start < end && marked[i]) {
        firstMark = t.start;
        break;
      }
    }
    int from = Math.max(start, firstMark - 60);
    if (from > start) {
      // begin at a word: after the last space before the cut, or at the sentence's start
      int space = body.lastIndexOf(' ', from);
      from = space >= start ? space + 1 : start;
    }
    int to = cut(body, from, Math.min(end, from + MAX_PASSAGE));
    return new int[] {from, to, from > start ? 1 : 0, to < end ? 1 : 0};
  }

  /** {@code end} moved back to the end of a word, when a space is within reach. */
  private static int cut(String text, int start, int end) {
    if (end >= text.length()) {
      return text.length();
    }
    int space = text.lastIndexOf(' ', end);
    return space > start + (end - start) / 2 ? space : end;
  }

  /** Sentence spans: after . ! ? … followed by white space, and at line breaks. */
  private static List<int[]> sentences(String text) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean end =
          c == '\n'
              || ((c == '.' || c == '!' || c == '?' || c == '…' || c == ';')
                  && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))));
      if (end) {
        if (i + 1 > start) {
          out.add(new int[] {start, i + 1});
        }
        start = i + 1;
      }
    }
    if (start < n) {
      out.add(new int[] {start, n});
    }
    return out;
  }

  /**
   * Which tokens to mark: runs of two or more query words in query order; where the text has no run
   * at all, every single match.
   */
  private static boolean[] marks(List<Token> tokens, Marking m) {
    boolean[] marked = new boolean[tokens.size()];
    if (m.isEmpty() || tokens.isEmpty()) {
      return marked;
    }
    boolean any = fill(tokens, m, m.accented, marked);
    if (!any && m.accented) {
      // the accented spelling is not in this text: it matched through folding
      fill(tokens, m, false, marked);
    }
    return marked;
  }

  /** Marks runs (or, failing those, single words) on one key; true when something was marked. */
  private static boolean fill(List<Token> tokens, Marking m, boolean exact, boolean[] marked) {
    List<String> query = exact ? m.exact : m.folded;
    int[] match = new int[tokens.size()]; // query position + 1 of each token's match, 0 for none
    for (int i = 0; i < tokens.size(); i++) {
      String term = exact ? tokens.get(i).exact : tokens.get(i).folded;
      match[i] = query.indexOf(term) + 1;
    }
    boolean runs = false;
    if (query.size() > 1) {
      for (int i = 0; i + 1 < tokens.size(); i++) {
        if (match[i] > 0 && match[i + 1] > 0 && follows(query, exact, tokens, i)) {
          marked[i] = true;
          marked[i + 1] = true;
          runs = true;
        }
      }
    }
    if (!runs) {
      for (int i = 0; i < tokens.size(); i++) {
        marked[i] = match[i] > 0;
        runs |= marked[i];
      }
    }
    return runs;
  }

  /** True when token i+1 is, in the query, a word that directly follows token i's word. */
  private static boolean follows(List<String> query, boolean exact, List<Token> tokens, int i) {
    String a = exact ? tokens.get(i).exact : tokens.get(i).folded;
    String b = exact ? tokens.get(i + 1).exact : tokens.get(i + 1).folded;
    for (int j = 0; j + 1 < query.size(); j++) {
      if (query.get(j).equals(a) && query.get(j + 1).equals(b)) {
        return true;
      }
    }
    return false;
  }

  /** The text between two offsets as HTML: escaped, marked runs in one {@code <mark>} each. */
  private static String html(String text, List<Token> tokens, boolean[] marked, int from, int to) {
    StringBuilder out = new StringBuilder(to - from + 32);
    int pos = from;
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (!marked[i] || t.start < from || t.end > to) {
        i++;
        continue;
      }
      int runEnd = t.end;
      int j = i + 1;
      // join the next marked tokens separated by white space only
      while (j < tokens.size()
          && marked[j]
          && tokens.get(j).end <= to
          && text.substring(runEnd, Math.max(runEnd, tokens.get(j).start)).isBlank()) {
        runEnd = tokens.get(j).end;
        j++;
      }
      out.append(Html.escape(text.substring(pos, t.start)));
      out.append("<mark>").append(Html.escape(text.substring(t.start, runEnd))).append("</mark>");
      pos = runEnd;
      i = j;
    }
    out.append(Html.escape(text.substring(pos, to)));
    return out.toString();
  }

  /** A word of the text with its two keys and where it stands. */
  private record Token(String exact, String folded, int start, int end) {}

  /**
   * The words of a text as the index sees them, one per position: a document number is one token
   * (its canonical form), not its parts. Offsets are shifted by {@code base}.
   */
  private List<Token> tokens(String text, int base) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(TextFields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      ts.reset();
      int skipUntil = -1;
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        if (position < skipUntil || (inc.getPositionIncrement() == 0 && !out.isEmpty())) {
          // the parts of a document number already taken whole
          continue;
        }
        if (len.getPositionLength() > 1) {
          skipUntil = position + len.getPositionLength();
        }
        String exact = term.toString();
        char[] buf = exact.toCharArray();
        String folded = new String(buf, 0, folder.fold(buf, buf.length));
        out.add(new Token(exact, folded, base + offset.startOffset(), base + offset.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
