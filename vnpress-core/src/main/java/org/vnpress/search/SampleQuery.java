package org.vnpress.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Every {@code stride}-th document of the index (by global document number): a systematic sample.
 * The index is sorted by date, so the sample spreads evenly over time; as a filter beside a text
 * query, the query's postings leap from one sampled document to the next, so counting over the
 * sample costs about {@code 1/stride} of counting over every match.
 */
final class SampleQuery extends Query {

  private final int stride;

  SampleQuery(int stride) {
    if (stride < 1) {
      throw new IllegalArgumentException("stride must be positive: " + stride);
    }
    this.stride = stride;
  }

  int stride() {
    return stride;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) {
        int maxDoc = context.reader().maxDoc();
        // the first sampled document of this segment, in segment numbers
        int first = Math.floorMod(-context.docBase, stride);
        if (first >= maxDoc) {
          return null;
        }
        long cost = (maxDoc - first + stride - 1L) / stride;
        DocIdSetIterator it =
            new DocIdSetIterator() {
              private int doc = -1;

              @Override
              public int docID() {
                return doc;
              }

              @Override
              public int nextDoc() {
                return doc == NO_MORE_DOCS ? doc : advance(doc + 1);
              }

              @Override
              public int advance(int target) {
                // in long: near NO_MORE_DOCS (a conjunction whose other side ended asks for it)
                // the int product wrapped to a negative document, and the conjunction never ended
                long t = Math.max(target, first);
                long next = first + (t - first + stride - 1) / stride * stride;
                return doc = next < maxDoc ? (int) next : NO_MORE_DOCS;
              }

              @Override
              public long cost() {
                return cost;
              }
            };
        return new ScorerSupplier() {
          @Override
          public org.apache.lucene.search.Scorer get(long leadCost) {
            return new ConstantScoreScorer(score(), scoreMode, it);
          }

          @Override
          public long cost() {
            return cost;
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return true;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "sample(1/" + stride + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SampleQuery s && s.stride == stride;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(stride);
  }
}
