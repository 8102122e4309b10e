package org.vnpress.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.analysis.VietnameseAnalyzer.Key;
import org.vnpress.analysis.VietnameseAnalyzer.Mode;
import org.vnpress.index.TextFields;

/**
 * Turns what people type into the queries of one search ({@link TextQueries}): which documents
 * match, strictly (every word) or relaxed (most words), how the matches are scored, and the whole
 * phrase that re-ranks the best of them. Understands {@code "phrases"}, {@code -exclusions} and
 * {@code OR}; anything else, however malformed, is read as plain words, so it never fails on user
 * syntax.
 *
 * <p>Matching is decided on the folded key alone: a document holds an accented word only if it
 * holds its folded form, so the folded fields give the same match set at half the postings.
 *
 * <p>Ranking: a word typed with diacritics scores higher on the exact key than on the folded key,
 * so {@code đường} ranks đường above dương; a query typed entirely without diacritics asks only the
 * folded key, where all readings are equal. Neighbouring query words score extra where they stand
 * together in the text, read from the indexed syllable pairs ({@link TextFields#BODY_PAIRS}) as
 * term lookups; the whole query as a phrase re-ranks the best {@link Tuning#rescoreWindow} matches,
 * so multi-syllable names ({@code Nam Từ Liêm}) rank above scattered syllables. Abbreviations
 * expand both ways.
 */
public final class TextQueryBuilder {

  /**
   * Words (units) a query may have: beyond this a search costs more than any answer is worth. Long
   * legal questions reach 71 words (ALQAC 2023), so the cap sits above them; the time budget bounds
   * what a query under the cap can cost.
   */
  public static final int MAX_WORDS = 100;

  /** The knobs that the relevance benchmark compares. */
  public record Tuning(
      float titleBoost,
      float foldedWeight,
      float pairBoost,
      float phraseBoost,
      float minShouldMatch,
      boolean synonyms,
      boolean stopwords,
      int rescoreWindow,
      int relaxBelow,
      float togetherBoost) {

    /** The measured best: see docs/relevance.md. */
    public static final Tuning DEFAULT =
        new Tuning(1f, 0.5f, 0.3f, 20f, 0.6f, true, false, 100, 5, 100f);

    /** A variant with other proximity weights. */
    public Tuning withProximity(float pairs, float phrase) {
      return new Tuning(
          titleBoost,
          foldedWeight,
          pairs,
          phrase,
          minShouldMatch,
          synonyms,
          stopwords,
          rescoreWindow,
          relaxBelow,
          togetherBoost);
    }

    /** A variant with query stopwords on or off. */
    public Tuning withStopwords(boolean on) {
      return new Tuning(
          titleBoost,
          foldedWeight,
          pairBoost,
          phraseBoost,
          minShouldMatch,
          synonyms,
          on,
          rescoreWindow,
          relaxBelow,
          togetherBoost);
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

  /**
   * Added, when a search is relaxed, to the documents that hold every word: the few strict matches
   * come first, then the documents with most of the words.
   */
  private static final float STRICT_BONUS = 1_000f;

  private final Tuning tuning;
  private final QueryBuilder exact;
  private final QueryBuilder folded;
  private final QueryBuilder exactPlain;
  private final QueryBuilder foldedPlain;
  private final Analyzer foldKey = new VietnameseAnalyzer(Key.FOLDED, Mode.QUERY_WITHOUT_SYNONYMS);
  private final Analyzer pairs = TextFields.pairAnalyzer();

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

  public Tuning tuning() {
    return tuning;
  }

  private static QueryBuilder builder(Analyzer a) {
    QueryBuilder b = new QueryBuilder(a);
    b.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    return b;
  }

  /** The queries for a user's text; blank text (or only punctuation) matches everything. */
  public TextQueries build(String text) {
    if (text == null || text.isBlank()) {
      return TextQueries.all();
    }
    // a document number typed with a space after its dash: "15- NQ/TW"
    String q = text.replaceAll("(\\d)\\s*-\\s+(?=\\p{L})", "$1-");
    boolean foldedOnly = !hasDiacritics(q);
    List<Item> items = joinAbbreviationSpans(items(q));
    if (tuning.stopwords()) {
      List<Item> kept =
          items.stream()
              .filter(it -> !isPlain(it) || !STOPWORDS.containsAll(foldedTerms(it.text())))
              .toList();
      if (kept.stream().anyMatch(TextQueryBuilder::isPlain)) {
        items = kept;
      }
    }
    long words = items.stream().filter(it -> !it.or()).count();
    if (words > MAX_WORDS) {
      throw new BadRequestException(
          "the query has too many words ("
              + words
              + "; at most "
              + MAX_WORDS
              + "): shorten it to its key words");
    }

    // units: each plain word, phrase or OR-group, as a match clause and a scoring clause
    List<Unit> units = new ArrayList<>();
    List<Query> mustNot = new ArrayList<>();
    List<String> plainWords = new ArrayList<>();
    Unit current = null;
    boolean pendingOr = false;
    for (Item item : items) {
      if (item.or()) {
        pendingOr = current != null;
        continue;
      }
      Query match = across(item.text(), item.phrase(), true);
      if (match == null) {
        continue;
      }
      if (item.negated()) {
        mustNot.add(match);
        pendingOr = false;
        continue;
      }
      Query score = across(item.text(), item.phrase(), foldedOnly);
      if (!item.phrase()) {
        plainWords.add(item.text());
      }
      if (pendingOr) {
        current.add(match, score);
        pendingOr = false;
      } else {
        current = new Unit();
        current.add(match, score);
        units.add(current);
      }
    }
    if (units.isEmpty() && mustNot.isEmpty()) {
      // nothing searchable was typed (only punctuation): show everything rather than fail
      return TextQueries.all();
    }
    List<Query> matchUnits = units.stream().map(Unit::match).toList();
    List<Query> scoreUnits = units.stream().map(Unit::score).toList();
    Query strictMatch = combine(matchUnits, matchUnits.size(), mustNot, true);
    int relaxedCount =
        units.size() < 3 ? units.size() : (int) Math.ceil(units.size() * tuning.minShouldMatch());
    List<Query> proximity = plainWords.size() > 1 ? pairClauses(plainWords) : List.of();

    Query strictScore =
        withShould(combine(scoreUnits, scoreUnits.size(), mustNot, false), proximity);
    Query relaxedMatch = null;
    Query relaxedScore = null;
    if (relaxedCount < units.size()) {
      relaxedMatch = combine(matchUnits, relaxedCount, mustNot, true);
      List<Query> extra = new ArrayList<>(proximity);
      extra.add(new BoostQuery(new ConstantScoreQuery(strictMatch), STRICT_BONUS));
      relaxedScore = withShould(combine(scoreUnits, relaxedCount, mustNot, false), extra);
    }
    Query phrase =
        plainWords.size() > 1 ? wholePhrase(String.join(" ", plainWords), foldedOnly) : null;
    return new TextQueries(
        strictMatch, strictScore, relaxedMatch, relaxedScore, phrase, units.size(), foldedOnly);
  }

  /** One unit of the query: a plain word, a phrase, or the alternatives of an OR. */
  private static final class Unit {
    private final List<Query> matches = new ArrayList<>();
    private final List<Query> scores = new ArrayList<>();

    void add(Query match, Query score) {
      matches.add(match);
      scores.add(score);
    }

    Query match() {
      return any(matches);
    }

    Query score() {
      return any(scores);
    }

    private static Query any(List<Query> qs) {
      if (qs.size() == 1) {
        return qs.get(0);
      }
      BooleanQuery.Builder or = new BooleanQuery.Builder();
      qs.forEach(q -> or.add(q, Occur.SHOULD));
      return or.build();
    }
  }

  /**
   * The units as one query, {@code required} of them needed; exclusions apply. A match query is a
   * filter: it only says which documents match.
   */
  private static Query combine(
      List<Query> units, int required, List<Query> mustNot, boolean match) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (units.isEmpty()) {
      b.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
    } else if (required == units.size()) {
      for (Query u : units) {
        b.add(u, match ? Occur.FILTER : Occur.MUST);
      }
    } else {
      BooleanQuery.Builder some = new BooleanQuery.Builder();
      units.forEach(u -> some.add(u, Occur.SHOULD));
      some.setMinimumNumberShouldMatch(required);
      b.add(some.build(), match ? Occur.FILTER : Occur.MUST);
    }
    for (Query n : mustNot) {
      b.add(n, Occur.MUST_NOT);
    }
    Query q = b.build();
    return match ? new ConstantScoreQuery(q) : q;
  }

  private static Query withShould(Query base, List<Query> should) {
    if (should.isEmpty()) {
      return base;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(base, Occur.MUST);
    should.forEach(s -> b.add(s, Occur.SHOULD));
    return b.build();
  }

  /** A piece of the user's text. */
  private record Item(String text, boolean phrase, boolean negated, boolean or) {}

  /** The user's text read into words, phrases, exclusions and ORs. */
  private static List<Item> items(String q) {
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
    return items;
  }

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
    return terms(foldKey, TextFields.BODY_FOLDED, text);
  }

  private static List<String> terms(Analyzer a, String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(field, text)) {
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
   * above the folded key. With {@code foldedOnly}, the folded key alone: what matching uses.
   */
  private Query across(String text, boolean phrase, boolean foldedOnly) {
    Query title = level(TextFields.TITLE, TextFields.TITLE_FOLDED, text, phrase, foldedOnly);
    Query body = level(TextFields.BODY, TextFields.BODY_FOLDED, text, phrase, foldedOnly);
    if (title == null && body == null) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (title != null) {
      b.add(
          tuning.titleBoost() == 1f ? title : new BoostQuery(title, tuning.titleBoost()),
          Occur.SHOULD);
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
   * Neighbouring query words that stand together in the text (syllable pairs: most Vietnamese words
   * have two syllables), as term lookups on the pair fields of title and body.
   */
  private List<Query> pairClauses(List<String> plainWords) {
    if (tuning.pairBoost() <= 0) {
      return List.of();
    }
    // the same chain as the index's pair fields, over the words as typed
    Set<String> pairTerms =
        new LinkedHashSet<>(terms(pairs, TextFields.BODY_PAIRS, String.join(" ", plainWords)));
    List<Query> out = new ArrayList<>();
    if (tuning.togetherBoost() > 0 && pairTerms.size() > 1) {
      // every pair of neighbours found in one field: the words stand together as typed, which
      // lifts the release holding the whole phrase into the window the phrase then re-ranks
      for (String field : new String[] {TextFields.BODY_PAIRS, TextFields.TITLE_PAIRS}) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String pair : pairTerms) {
          all.add(new TermQuery(new Term(field, pair)), Occur.FILTER);
        }
        out.add(new BoostQuery(new ConstantScoreQuery(all.build()), tuning.togetherBoost()));
      }
    }
    for (String pair : pairTerms) {
      for (String field : new String[] {TextFields.BODY_PAIRS, TextFields.TITLE_PAIRS}) {
        float boost =
            tuning.pairBoost() * (field.equals(TextFields.TITLE_PAIRS) ? tuning.titleBoost() : 1f);
        out.add(new BoostQuery(new TermQuery(new Term(field, pair)), boost));
      }
    }
    return out;
  }

  /**
   * The whole query close together, in the body and in the title (where it says what the release is
   * about: "Quận Hai Bà Trưng …" above a short item that mentions the district): the re-ranking of
   * the best matches. Exact key when the query is accented.
   */
  private Query wholePhrase(String text, boolean foldedOnly) {
    QueryBuilder qb = foldedOnly ? foldedPlain : exactPlain;
    String field = foldedOnly ? TextFields.BODY_FOLDED : TextFields.BODY;
    String titleField = foldedOnly ? TextFields.TITLE_FOLDED : TextFields.TITLE;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (String fld : new String[] {field, titleField}) {
      Query p = qb.createPhraseQuery(fld, text, 3);
      if (p != null && !(p instanceof TermQuery)) {
        b.add(p, Occur.SHOULD);
        clauses++;
      }
    }
    return clauses == 0 ? null : b.build();
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
