package org.vnpress.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The systematic sample behind estimated counts: which documents it takes, and that it ends a
 * conjunction whose other side ends first (at a million documents a rare word's postings end before
 * the sample does, and a wrapped product once made that conjunction loop for ever).
 */
class SampleQueryTest {

  private static final int DOCS = 1_000;
  private static Directory dir;
  private static DirectoryReader reader;

  @BeforeAll
  static void index() throws IOException {
    dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      for (int i = 0; i < DOCS; i++) {
        Document d = new Document();
        // a document number cited by one release in a hundred, and by the first one
        d.add(new StringField("document", i % 100 == 0 ? "15-NQ/TƯ" : "15-NQ/TU", Field.Store.NO));
        w.addDocument(d);
        if (i == DOCS / 2) {
          w.commit(); // two segments: the second starts at an offset that is no multiple of 32
        }
      }
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  @Test
  void takesEveryStrideThDocumentAcrossSegments() throws IOException {
    IndexSearcher s = new IndexSearcher(reader);
    Weight w = s.createWeight(s.rewrite(new SampleQuery(32)), ScoreMode.COMPLETE_NO_SCORES, 1);
    int seen = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer sc = w.scorer(leaf);
      DocIdSetIterator it = sc.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        assertThat((leaf.docBase + d) % 32).isZero();
        seen++;
      }
      // asked again after its end, and asked for the end, it stays at the end
      assertThat(it.nextDoc()).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
    }
    assertThat(seen).isEqualTo((DOCS + 31) / 32);
    for (LeafReaderContext leaf : reader.leaves()) {
      DocIdSetIterator it = w.scorer(leaf).iterator();
      assertThat(it.advance(DocIdSetIterator.NO_MORE_DOCS))
          .isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
      it = w.scorer(leaf).iterator();
      assertThat(it.advance(Integer.MAX_VALUE - 1)).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
    }
  }

  @Test
  void aRareTermBesideTheSampleEnds() throws IOException {
    IndexSearcher s = new IndexSearcher(reader);
    s.setQueryCache(null); // the iterators themselves, not a cached bit set
    BooleanQuery rare =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("document", "15-NQ/TƯ")), Occur.FILTER)
            .add(new SampleQuery(32), Occur.FILTER)
            .build();
    Weight w = s.createWeight(s.rewrite(rare), ScoreMode.COMPLETE_NO_SCORES, 1);
    // document at a time, as the drill-sideways counting walks it: the rare term leads, ends
    // first, and the sample is then asked for the end
    int count =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> {
              int n = 0;
              for (LeafReaderContext leaf : reader.leaves()) {
                DocIdSetIterator it = w.scorer(leaf).iterator();
                while (it.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                  n++;
                }
              }
              return n;
            });
    // documents 0, 100, …, 900 cite it; of those, the sample holds the multiples of 32: 0 and 800
    assertThat(count).isEqualTo(2);
    assertThat(s.count(rare)).isEqualTo(2);
  }
}
