package org.vnpress.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.analysis.VietnameseAnalyzer.Key;
import org.vnpress.analysis.VietnameseAnalyzer.Mode;
import org.vnpress.index.TextFields;

/**
 * Turns what people type into a Lucene query over the exact and folded text fields. Understands
 * {@code "phrases"}, {@code -exclusions} and {@code OR}; anything else, however malformed, is read
 * as plain words, so it never fails on user syntax.
 *
 * <p>Ranking: a word typed with diacritics scores higher on the exact key than on the folded key,
 * so {@code đường} ranks đường above dương; a query typed entirely without diacritics asks only the
 * folded key, where all readings are equal. Words that stand next to each other in the query score
 * extra where they also stand next to each other in the text, so multi-syllable words ({@code Nam
 * Từ Liêm}) rank above scattered syllables. Abbreviations expand both ways.
 */
public final class TextQueryBuilder {

  /** The knobs that the relevance benchmark compares. */
  public record Tuning(
      float titleBoost,
      float foldedWeight,
      float pairBoost,
      float phraseBoost,
      float minShouldMatch,
      boolean synonyms,
      boolean stopwords) {

    /** The measured best: see docs/relevance.md. */
    public static final Tuning DEFAULT = new Tuning(1f, 0.5f, 0.3f, 20f, 0.6f, true, false);

    public Tuning(
        float titleBoost,
        float foldedWeight,
        float pairBoost,
        float phraseBoost,
        float minShouldMatch,
        boolean synonyms) {
      this(titleBoost, foldedWeight, pairBoost, phraseBoost, minShouldMatch, synonyms, false);
    }
  }

  /**
   * Function words, folded, that the stopword experiment drops from long queries. {@code không}
   * (not) is deliberately absent: it reverses meaning.
   */
  private static final Set<String> STOPWORDS =
      Set.of(
          "cua", "va", "cac", "la", "duoc", "co", "nhung", "trong", "cho", "voi", "nay", "da", "de",
          "mot", "tu", "theo", "khi", "ve", "den", "tai", "thi", "ma", "do", "nen", "bi", "cung",
          "vao", "se", "dang", "nhu", "hoac", "neu");

  /** A quoted phrase, a word, or a quote left open. */
  private static final Pattern TOKEN = Pattern.compile("(-?)\"([^\"]*)\"?|(\\S+)");

  /** Longest multi-word abbreviation expansion, in words. */
  private static final int MAX_SPAN = 8;

  private final Tuning tuning;
  private final QueryBuilder exact;
  private final QueryBuilder folded;
  private final QueryBuilder exactPlain;
  private final QueryBuilder foldedPlain;
  private final Analyzer foldKey = new VietnameseAnalyzer(Key.FOLDED, Mode.QUERY_WITHOUT_SYNONYMS);

  /** Folded keys ("uy ban nhan dan") of the abbreviation expansions of two words or more. */
  private final Set<String> spans = new HashSet<>();

  public TextQueryBuilder() {
    this(Tuning.DEFAULT);
  }

  public TextQueryBuilder(Tuning tuning) {
    this.tuning = tuning;
    // without synonyms the main clauses keep the index-time tokenization (document-number parts),
    // as they did when this was a boolean
    Mode mode = tuning.synonyms() ? Mode.QUERY : Mode.INDEX;
    exact = builder(new VietnameseAnalyzer(Key.EXACT, mode));
    folded = builder(new VietnameseAnalyzer(Key.FOLDED, mode));
    exactPlain = builder(new VietnameseAnalyzer(Key.EXACT, Mode.QUERY_WITHOUT_SYNONYMS));
    foldedPlain = builder(new VietnameseAnalyzer(Key.FOLDED, Mode.QUERY_WITHOUT_SYNONYMS));
    if (tuning.synonyms()) {
      for (List<String> entry : VietnameseAnalyzer.abbreviations()) {
        for (String form : entry) {
          List<String> key = foldedTerms(form);
          if (key.size() > 1) {
            spans.add(String.join(" ", key));
          }
        }
      }
    }
  }

  private static QueryBuilder builder(Analyzer a) {
    QueryBuilder b = new QueryBuilder(a);
    b.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    return b;
  }

  /** The query for a user's text; blank text matches everything. */
  public Query build(String text) {
    if (text == null || text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    // a document number typed with a space after its dash: "15- NQ/TW"
    String q = text.replaceAll("(\\d)\\s*-\\s+(?=\\p{L})", "$1-");
    boolean foldedOnly = !hasDiacritics(q);

    // read the text into items: plain words (which may later join into one unit), phrases, ORs
    List<Item> items = new ArrayList<>();
    Matcher m = TOKEN.matcher(q);
    while (m.find()) {
      if (m.group(2) != null) {
        if (!m.group(2).isBlank()) {
          items.add(new Item(m.group(2), true, !m.group(1).isEmpty(), false));
        }
      } else {
        String word = m.group(3);
        if (word.equals("OR")) {
          items.add(new Item(word, false, false, true));
        } else if (word.length() > 1 && word.startsWith("-")) {
          items.add(new Item(word.substring(1), false, true, false));
        } else if (!word.equals("-")) {
          items.add(new Item(word, false, false, false));
        }
      }
    }
    items = joinAbbreviationSpans(items);
    if (tuning.stopwords()) {
      List<Item> kept =
          items.stream()
              .filter(it -> !isPlain(it) || !STOPWORDS.containsAll(foldedTerms(it.text())))
              .toList();
      if (kept.stream().anyMatch(TextQueryBuilder::isPlain)) {
        items = kept;
      }
    }

    List<Query> mustNot = new ArrayList<>();
    List<List<Query>> orGroups = new ArrayList<>();
    List<String> plainWords = new ArrayList<>();
    List<Query> current = null;
    boolean pendingOr = false;
    for (Item item : items) {
      if (item.or()) {
        pendingOr = current != null;
        continue;
      }
      Query clause = across(item.text(), item.phrase(), foldedOnly);
      if (clause == null) {
        continue;
      }
      if (item.negated()) {
        mustNot.add(clause);
        pendingOr = false;
        continue;
      }
      if (!item.phrase()) {
        plainWords.add(item.text());
      }
      if (pendingOr) {
        current.add(clause);
        pendingOr = false;
      } else {
        current = new ArrayList<>();
        current.add(clause);
        orGroups.add(current);
      }
    }
    List<Query> must = new ArrayList<>();
    for (List<Query> group : orGroups) {
      if (group.size() == 1) {
        must.add(group.get(0));
      } else {
        BooleanQuery.Builder or = new BooleanQuery.Builder();
        group.forEach(g -> or.add(g, Occur.SHOULD));
        must.add(or.build());
      }
    }
    if (must.isEmpty()) {
      if (mustNot.isEmpty()) {
        // nothing searchable was typed (only punctuation): show everything rather than fail
        return new MatchAllDocsQuery();
      }
      must.add(new MatchAllDocsQuery());
    }
    BooleanQuery.Builder matching = new BooleanQuery.Builder();
    for (Query c : must) {
      matching.add(c, Occur.SHOULD);
    }
    // long questions rarely have every word in one document: ask for most of them
    int required =
        must.size() <= 4 ? must.size() : (int) Math.ceil(must.size() * tuning.minShouldMatch());
    matching.setMinimumNumberShouldMatch(required);

    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(matching.build(), Occur.MUST);
    for (Query c : mustNot) {
      b.add(c, Occur.MUST_NOT);
    }
    if (plainWords.size() > 1) {
      addProximity(b, String.join(" ", plainWords), foldedOnly);
    }
    return b.build();
  }

  /**
   * The part of a {@link #build built} query that decides what matches, without the proximity
   * clauses that only score: what a highlighter marks word by word. Where the words stand together
   * is marked by a pass of its own ({@link WholePhrase}). (Measured: this does not make snippets
   * cheaper; the highlighter still indexes each shown text in memory. See docs/benchmarks.md.)
   */
  public static Query matchingPart(Query built) {
    if (!(built instanceof BooleanQuery bq)) {
      return built;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (BooleanClause c : bq.clauses()) {
      if (c.occur() != Occur.SHOULD) {
        b.add(c);
      }
    }
    return b.build();
  }

  /** A piece of the user's text. */
  private record Item(String text, boolean phrase, boolean negated, boolean or) {}

  /** Plain words that spell out an abbreviation ("Ủy ban nhân dân") become one unit. */
  private List<Item> joinAbbreviationSpans(List<Item> items) {
    if (spans.isEmpty()) {
      return items;
    }
    List<Item> out = new ArrayList<>();
    int i = 0;
    while (i < items.size()) {
      Item it = items.get(i);
      int best = -1;
      if (isPlain(it)) {
        StringBuilder key = new StringBuilder();
        for (int j = i; j < items.size() && j < i + MAX_SPAN && isPlain(items.get(j)); j++) {
          List<String> terms = foldedTerms(items.get(j).text());
          if (terms.isEmpty()) {
            break;
          }
          if (key.length() > 0) {
            key.append(' ');
          }
          key.append(String.join(" ", terms));
          if (j > i && spans.contains(key.toString())) {
            best = j;
          }
        }
      }
      if (best < 0) {
        out.add(it);
        i++;
      } else {
        StringBuilder joined = new StringBuilder();
        for (int j = i; j <= best; j++) {
          joined.append(j > i ? " " : "").append(items.get(j).text());
        }
        out.add(new Item(joined.toString(), false, false, false));
        i = best + 1;
      }
    }
    return out;
  }

  private static boolean isPlain(Item it) {
    return !it.phrase() && !it.negated() && !it.or();
  }

  private List<String> foldedTerms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = foldKey.tokenStream(TextFields.BODY_FOLDED, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * One unit of the query on title and body: the two add up, and within each the exact key counts
   * above the folded key.
   */
  private Query across(String text, boolean phrase, boolean foldedOnly) {
    Query title = level(TextFields.TITLE, TextFields.TITLE_FOLDED, text, phrase, foldedOnly);
    Query body = level(TextFields.BODY, TextFields.BODY_FOLDED, text, phrase, foldedOnly);
    if (title == null && body == null) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (title != null) {
      b.add(new BoostQuery(title, tuning.titleBoost()), Occur.SHOULD);
    }
    if (body != null) {
      b.add(body, Occur.SHOULD);
    }
    return b.build();
  }

  private Query level(
      String exactField, String foldedField, String text, boolean phrase, boolean foldedOnly) {
    Query f = create(folded, foldedField, text, phrase);
    if (foldedOnly) {
      return f;
    }
    Query e = create(exact, exactField, text, phrase);
    List<Query> alternatives = new ArrayList<>();
    if (e != null) {
      alternatives.add(e);
    }
    if (f != null) {
      alternatives.add(new BoostQuery(f, tuning.foldedWeight()));
    }
    return alternatives.isEmpty() ? null : new DisjunctionMaxQuery(alternatives, 0f);
  }

  private static Query create(QueryBuilder b, String field, String text, boolean phrase) {
    return phrase
        ? b.createPhraseQuery(field, text)
        : b.createBooleanQuery(field, text, Occur.MUST);
  }

  /**
   * Adjacent query words found adjacent in the text (syllable bigrams: most Vietnamese words have
   * two syllables), and the whole query found close together, score extra.
   */
  private void addProximity(BooleanQuery.Builder b, String text, boolean foldedOnly) {
    QueryBuilder qb = foldedOnly ? foldedPlain : exactPlain;
    String field = foldedOnly ? TextFields.BODY_FOLDED : TextFields.BODY;
    String titleField = foldedOnly ? TextFields.TITLE_FOLDED : TextFields.TITLE;
    List<String> words = List.of(text.split("\\s+"));
    if (tuning.pairBoost() > 0) {
      for (int i = 0; i + 1 < words.size(); i++) {
        String pair = words.get(i) + " " + words.get(i + 1);
        for (String fld : new String[] {field, titleField}) {
          Query p = qb.createPhraseQuery(fld, pair);
          if (p != null && !(p instanceof org.apache.lucene.search.TermQuery)) {
            float boost = tuning.pairBoost() * (fld.equals(titleField) ? tuning.titleBoost() : 1f);
            b.add(new BoostQuery(p, boost), Occur.SHOULD);
          }
        }
      }
    }
    if (tuning.phraseBoost() > 0 && words.size() >= 2) {
      // the whole query close together: in the body, and in the title, where it says what the
      // release is about ("Quận Hai Bà Trưng …" above a short item that mentions the district)
      for (String fld : new String[] {field, titleField}) {
        Query p = qb.createPhraseQuery(fld, text, 3);
        if (p != null && !(p instanceof org.apache.lucene.search.TermQuery)) {
          b.add(new BoostQuery(p, tuning.phraseBoost()), Occur.SHOULD);
        }
      }
    }
  }

  /** True when any letter carries a Vietnamese diacritic (or đ). */
  static boolean hasDiacritics(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && Character.isLetter(c) || (c >= '\u0300' && c <= '\u036F')) {
        return true;
      }
    }
    return false;
  }
}
