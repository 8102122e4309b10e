package org.vnpress.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Writes the Lucene queries of a {@link org.vnpress.search.SearchPlan} as OpenSearch query DSL, so
 * both backends rank with the same query: terms are analysed here, by the same analysis code the
 * plugin runs, and sent as term and span queries.
 */
final class OpenSearchQueries {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private OpenSearchQueries() {}

  private static String field(String luceneField) {
    return OpenSearchMapping.field(luceneField);
  }

  static ObjectNode toJson(Query q) {
    return toJson(q, 1f);
  }

  private static ObjectNode toJson(Query q, float boost) {
    if (q instanceof BoostQuery b) {
      return toJson(b.getQuery(), boost * b.getBoost());
    }
    ObjectNode out = F.objectNode();
    if (q instanceof MatchAllDocsQuery) {
      out.putObject("match_all").put("boost", boost);
    } else if (q instanceof MatchNoDocsQuery) {
      out.putObject("match_none");
    } else if (q instanceof TermQuery t) {
      ObjectNode term = out.putObject("term").putObject(field(t.getTerm().field()));
      term.put("value", t.getTerm().text()).put("boost", boost);
    } else if (q instanceof BooleanQuery bq) {
      ObjectNode bool = out.putObject("bool");
      for (BooleanClause c : bq.clauses()) {
        String occur =
            switch (c.occur()) {
              case MUST -> "must";
              case SHOULD -> "should";
              case FILTER -> "filter";
              case MUST_NOT -> "must_not";
            };
        ArrayNode list = bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur);
        list.add(toJson(c.query(), 1f));
      }
      if (bq.getMinimumNumberShouldMatch() > 0) {
        bool.put("minimum_should_match", bq.getMinimumNumberShouldMatch());
      }
      bool.put("boost", boost);
    } else if (q instanceof DisjunctionMaxQuery dm) {
      ObjectNode dis = out.putObject("dis_max");
      ArrayNode list = dis.putArray("queries");
      dm.getDisjuncts().forEach(d -> list.add(toJson(d, 1f)));
      dis.put("tie_breaker", dm.getTieBreakerMultiplier()).put("boost", boost);
    } else if (q instanceof ConstantScoreQuery cs) {
      ObjectNode c = out.putObject("constant_score");
      c.set("filter", toJson(cs.getQuery(), 1f));
      c.put("boost", boost);
    } else if (q instanceof SynonymQuery sq) {
      // one pseudo-term in Lucene; the best of the forms is close enough for ranking
      ObjectNode dis = out.putObject("dis_max");
      ArrayNode list = dis.putArray("queries");
      for (Term t : sq.getTerms()) {
        list.addObject().putObject("term").putObject(field(t.field())).put("value", t.text());
      }
      dis.put("boost", boost);
    } else if (q instanceof PhraseQuery pq && consecutive(pq.getPositions())) {
      // the same Lucene PhraseQuery on the cluster (and so the same scores): its terms are
      // analysed already, so they are split on spaces only
      Term[] terms = pq.getTerms();
      StringBuilder text = new StringBuilder();
      for (Term t : terms) {
        text.append(text.length() == 0 ? "" : " ").append(t.text());
      }
      ObjectNode mp = out.putObject("match_phrase").putObject(field(terms[0].field()));
      mp.put("query", text.toString()).put("analyzer", "whitespace");
      mp.put("slop", pq.getSlop()).put("boost", boost);
    } else if (q instanceof PhraseQuery pq) {
      Term[] terms = pq.getTerms();
      int[] pos = pq.getPositions();
      List<ObjectNode> clauses = new ArrayList<>();
      for (Term t : terms) {
        clauses.add(spanTerm(t));
      }
      int gaps = pos.length == 0 ? 0 : pos[pos.length - 1] - pos[0] - (pos.length - 1);
      out.setAll(spanNear(clauses, pq.getSlop() + gaps, pq.getSlop() == 0, boost));
    } else if (q instanceof MultiPhraseQuery mp) {
      List<ObjectNode> clauses = new ArrayList<>();
      for (Term[] alternatives : mp.getTermArrays()) {
        if (alternatives.length == 1) {
          clauses.add(spanTerm(alternatives[0]));
        } else {
          ObjectNode or = F.objectNode();
          ArrayNode list = or.putObject("span_or").putArray("clauses");
          for (Term t : alternatives) {
            list.add(spanTerm(t));
          }
          clauses.add(or);
        }
      }
      int[] pos = mp.getPositions();
      int gaps = pos.length == 0 ? 0 : pos[pos.length - 1] - pos[0] - (pos.length - 1);
      out.setAll(spanNear(clauses, mp.getSlop() + gaps, mp.getSlop() == 0, boost));
    } else {
      // anything else: its terms, any of them (never reached by TextQueryBuilder today)
      List<Term> terms = new ArrayList<>();
      q.visit(
          new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... ts) {
              terms.addAll(List.of(ts));
            }
          });
      ObjectNode bool = out.putObject("bool");
      ArrayNode list = bool.putArray("should");
      for (Term t : terms) {
        list.addObject().putObject("term").putObject(field(t.field())).put("value", t.text());
      }
      bool.put("boost", boost);
    }
    return out;
  }

  /** True for a phrase whose terms stand at positions 0, 1, 2…: what a re-analysed phrase gives. */
  private static boolean consecutive(int[] positions) {
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] != positions[0] + i) {
        return false;
      }
    }
    return positions.length > 1;
  }

  private static ObjectNode spanTerm(Term t) {
    ObjectNode o = F.objectNode();
    o.putObject("span_term").put(field(t.field()), t.text());
    return o;
  }

  private static ObjectNode spanNear(
      List<ObjectNode> clauses, int slop, boolean inOrder, float boost) {
    ObjectNode out = F.objectNode();
    if (clauses.size() == 1) {
      // a one-word phrase is that word
      ObjectNode only = clauses.get(0);
      if (only.has("span_term")) {
        ObjectNode st = (ObjectNode) only.get("span_term");
        String fld = st.fieldNames().next();
        out.putObject("term").putObject(fld).put("value", st.get(fld).asText()).put("boost", boost);
        return out;
      }
    }
    ObjectNode near = out.putObject("span_near");
    ArrayNode list = near.putArray("clauses");
    clauses.forEach(list::add);
    near.put("slop", slop).put("in_order", inOrder).put("boost", boost);
    return out;
  }
}
