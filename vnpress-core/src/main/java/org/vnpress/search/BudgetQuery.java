package org.vnpress.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * A query that stops matching when its search's {@link Budget} runs out: the segment being searched
 * ends early and the segments not yet started give nothing, so the collectors keep what they have.
 * Checked every few thousand documents, whether the query is scored in bulk (the top hits) or
 * driven document by document (drill-sideways facet counts); driven by documents, also whenever the
 * matches have moved far through the segment, since a query whose matches are rare (most of 64
 * words required) may read postings for seconds between two of them.
 */
final class BudgetQuery extends Query {

  /** Documents between two looks at the clock. */
  private static final int INTERVAL = 4_096;

  /** Document numbers a driven query may move through between two looks at the clock. */
  private static final int SPAN = 1 << 15;

  private final Query in;
  private final Budget budget;

  BudgetQuery(Query in, Budget budget) {
    this.in = Objects.requireNonNull(in);
    this.budget = Objects.requireNonNull(budget);
  }

  Budget budget() {
    return budget;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query r = in.rewrite(searcher);
    return r == in ? this : new BudgetQuery(r, budget);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight w = in.createWeight(searcher, scoreMode, boost);
    return new FilterWeight(this, w) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        if (budget.exceeded()) {
          return null;
        }
        ScorerSupplier s = in.scorerSupplier(context);
        if (s == null) {
          return null;
        }
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new BudgetScorer(s.get(leadCost), budget);
          }

          @Override
          public BulkScorer bulkScorer() throws IOException {
            return new BudgetBulkScorer(s.bulkScorer(), budget);
          }

          @Override
          public long cost() {
            return s.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            s.setTopLevelScoringClause();
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        // a cached result could be a partial one
        return false;
      }
    };
  }

  /** Scores in chunks, looking at the clock between them. */
  private static final class BudgetBulkScorer extends BulkScorer {
    private final BulkScorer in;
    private final Budget budget;

    BudgetBulkScorer(BulkScorer in, Budget budget) {
      this.in = in;
      this.budget = budget;
    }

    @Override
    public int score(LeafCollector collector, Bits acceptDocs, int min, int max)
        throws IOException {
      while (min < max) {
        if (budget.exceeded()) {
          return DocIdSetIterator.NO_MORE_DOCS;
        }
        int to = (int) Math.min((long) min + INTERVAL * 4L, max);
        min = in.score(collector, acceptDocs, min, to);
      }
      return min;
    }

    @Override
    public long cost() {
      return in.cost();
    }
  }

  /** A scorer whose iterator ends when the budget does; scores and impacts pass through. */
  private static final class BudgetScorer extends Scorer {
    private final Scorer in;
    private final DocIdSetIterator iterator;

    BudgetScorer(Scorer in, Budget budget) {
      this.in = in;
      DocIdSetIterator inner = in.iterator();
      this.iterator =
          new DocIdSetIterator() {
            private int calls;
            private int doc = -1;
            private int lookedAt = -1;

            @Override
            public int docID() {
              return doc;
            }

            @Override
            public int nextDoc() throws IOException {
              if (doc == NO_MORE_DOCS || spent()) {
                return doc = NO_MORE_DOCS;
              }
              return doc = inner.nextDoc();
            }

            @Override
            public int advance(int target) throws IOException {
              if (doc == NO_MORE_DOCS || spent()) {
                return doc = NO_MORE_DOCS;
              }
              return doc = inner.advance(target);
            }

            /** Ended for good once spent: the inner iterator is never asked again. */
            private boolean spent() {
              if (++calls % INTERVAL != 0 && doc - lookedAt < SPAN) {
                return false;
              }
              lookedAt = doc;
              return budget.exceeded();
            }

            @Override
            public long cost() {
              return inner.cost();
            }
          };
    }

    @Override
    public int docID() {
      return iterator.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return iterator;
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      // every document goes through the budgeted iterator
      return null;
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }

    @Override
    public float smoothingScore(int docId) throws IOException {
      return in.smoothingScore(docId);
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(minScore);
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return "budget(" + in.toString(field) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BudgetQuery b && b.in.equals(in) && b.budget == budget;
  }

  @Override
  public int hashCode() {
    return 31 * in.hashCode() + System.identityHashCode(budget);
  }
}
