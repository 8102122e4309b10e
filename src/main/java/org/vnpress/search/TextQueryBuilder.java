package org.vnpress.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.index.TextFields;

/**
 * Turns what people type into a Lucene query over the exact and folded text fields. Understands
 * {@code "phrases"}, {@code -exclusions} and {@code OR}; anything else, however malformed, is read
 * as plain words, so it never fails on user syntax.
 */
public final class TextQueryBuilder {

  /** A quoted phrase, a word, or a quote left open. */
  private static final Pattern TOKEN = Pattern.compile("(-?)\"([^\"]*)\"?|(\\S+)");

  private final QueryBuilder exact = new QueryBuilder(queryAnalyzer(VietnameseAnalyzer.Key.EXACT));
  private final QueryBuilder folded =
      new QueryBuilder(queryAnalyzer(VietnameseAnalyzer.Key.FOLDED));

  private static Analyzer queryAnalyzer(VietnameseAnalyzer.Key key) {
    return new VietnameseAnalyzer(key, true);
  }

  /** The query for a user's text; blank text matches everything. */
  public Query build(String text) {
    if (text == null || text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    // a document number typed with a space after its dash: "15- NQ/TW"
    String q = text.replaceAll("(\\d)\\s*-\\s+(?=\\p{L})", "$1-");
    List<Query> must = new ArrayList<>();
    List<Query> mustNot = new ArrayList<>();
    List<List<Query>> orGroups = new ArrayList<>();
    List<Query> current = null;
    boolean pendingOr = false;
    Matcher m = TOKEN.matcher(q);
    while (m.find()) {
      boolean negated;
      Query clause;
      if (m.group(2) != null) {
        negated = !m.group(1).isEmpty();
        clause = phrase(m.group(2));
      } else {
        String word = m.group(3);
        if (word.equals("OR")) {
          pendingOr = current != null;
          continue;
        }
        negated = word.length() > 1 && word.startsWith("-");
        clause = word(negated ? word.substring(1) : word);
      }
      if (clause == null) {
        continue;
      }
      if (negated) {
        mustNot.add(clause);
        pendingOr = false;
      } else if (pendingOr) {
        current.add(clause);
        pendingOr = false;
      } else {
        current = new ArrayList<>();
        current.add(clause);
        orGroups.add(current);
      }
    }
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
        return new MatchAllDocsQuery();
      }
      must.add(new MatchAllDocsQuery());
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    // long questions rarely have every word in one document: ask for most of them
    int required = must.size() <= 4 ? must.size() : (int) Math.ceil(must.size() * 0.6);
    for (Query c : must) {
      b.add(c, Occur.SHOULD);
    }
    b.setMinimumNumberShouldMatch(required);
    for (Query c : mustNot) {
      b.add(c, Occur.MUST_NOT);
    }
    Query plain = proximityBoost(orGroups.size() > 1 ? q : null);
    if (plain != null) {
      b.add(plain, Occur.SHOULD);
    }
    return b.build();
  }

  /** One word on every text field, exact matches weighted above folded ones. */
  private Query word(String w) {
    return across(w, false);
  }

  private Query phrase(String p) {
    return p.isBlank() ? null : across(p, true);
  }

  private Query across(String text, boolean phrase) {
    List<Query> alternatives = new ArrayList<>();
    add(alternatives, exact, TextFields.TITLE, text, phrase, 3f);
    add(alternatives, exact, TextFields.BODY, text, phrase, 1.5f);
    add(alternatives, folded, TextFields.TITLE_FOLDED, text, phrase, 1.5f);
    add(alternatives, folded, TextFields.BODY_FOLDED, text, phrase, 0.6f);
    return alternatives.isEmpty() ? null : new DisjunctionMaxQuery(alternatives, 0.1f);
  }

  private static void add(
      List<Query> out, QueryBuilder b, String field, String text, boolean phrase, float boost) {
    Query q = phrase ? b.createPhraseQuery(field, text) : b.createBooleanQuery(field, text, Occur.MUST);
    if (q != null) {
      out.add(new BoostQuery(q, boost));
    }
  }

  /** The words close together rank above the same words far apart (multi-syllable words). */
  private Query proximityBoost(String text) {
    if (text == null) {
      return null;
    }
    String plain = text.replaceAll("[\"()]|(?<=\\s|^)-\\S*|\\bOR\\b", " ").strip();
    if (plain.isEmpty()) {
      return null;
    }
    List<Query> alternatives = new ArrayList<>();
    Query e = exact.createPhraseQuery(TextFields.BODY, plain, 2);
    Query f = folded.createPhraseQuery(TextFields.BODY_FOLDED, plain, 2);
    Query t = folded.createPhraseQuery(TextFields.TITLE_FOLDED, plain, 2);
    for (Query x : new Query[] {e, f, t}) {
      if (x != null && !(x instanceof org.apache.lucene.search.TermQuery)) {
        alternatives.add(x);
      }
    }
    return alternatives.isEmpty() ? null : new BoostQuery(new DisjunctionMaxQuery(alternatives, 0.1f), 2f);
  }
}
