package org.vnpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnpress.index.TextFields;

/** The five seed press releases in an in-memory index, searched the way users type. */
class SeedRankingTest {
  private static Directory dir;
  private static DirectoryReader reader;
  private static IndexSearcher searcher;
  private static final TextQueryBuilder QUERIES = new TextQueryBuilder();

  @BeforeAll
  static void index() throws IOException {
    Path seeds = org.vnpress.Fixtures.seeds();
    List<Path> files;
    try (Stream<Path> s = Files.list(seeds)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(TextFields.indexAnalyzer()))) {
      for (Path f : files) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        Document doc = new Document();
        doc.add(new StringField("id", f.getFileName().toString().substring(0, 3), Field.Store.YES));
        TextFields.fields(text.substring(0, nl).strip(), text.substring(nl + 1)).forEach(doc::add);
        w.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  private static List<String> search(String q) throws IOException {
    List<String> ids = new ArrayList<>();
    for (ScoreDoc sd : Ranking.top(searcher, QUERIES, q, 10).scoreDocs) {
      ids.add(searcher.storedFields().document(sd.doc).get("id"));
    }
    return ids;
  }

  // a district name typed without diacritics
  @Test
  void haiBaTrung() throws IOException {
    assertThat(search("hai ba trung")).first().isEqualTo("000");
  }

  // a three-syllable district name without diacritics
  @Test
  void namTuLiem() throws IOException {
    assertThat(search("nam tu liem")).first().isEqualTo("002");
  }

  // a decomposed (NFD) query
  @Test
  void nfdQuery() throws IOException {
    String q = Normalizer.normalize("Hoàng Mai tăng trưởng", Normalizer.Form.NFD);
    assertThat(search(q)).first().isEqualTo("001");
  }

  // 15-NQ/TƯ is the central resolution of seed 000, not the city's 15-NQ/TU of seed 002
  @Test
  void documentNumberTw() throws IOException {
    assertThat(search("15-NQ/TƯ")).contains("000").doesNotContain("002");
  }

  // and the reverse
  @Test
  void documentNumberTu() throws IOException {
    assertThat(search("15-NQ/TU")).contains("002").doesNotContain("000");
  }

  // without diacritics and lowercase, the TU number still only finds seed 002
  @Test
  void documentNumberTuLowercase() throws IOException {
    assertThat(search("15-nq/tu")).containsExactly("002");
  }

  // the number typed as loose words
  @Test
  void documentNumberLooseWords() throws IOException {
    assertThat(search("15 nq tw")).first().isEqualTo("000");
  }

  // the long form of UBND, which seed 000 uses
  @Test
  void longFormOfAbbreviation() throws IOException {
    assertThat(search("Ủy ban nhân dân quận Hai Bà Trưng")).first().isEqualTo("000");
  }

  // an old-style query (uỷ) finds new-style text (ủy) and the reverse
  @Test
  void tonePlacementAcrossQueryAndText() throws IOException {
    assertThat(search("cấp ủy")).contains("004");
    assertThat(search("Quận uỷ Hoàng Mai")).first().isEqualTo("001");
  }

  // the stored text keeps the source's spelling: seed 004 still says cấp uỷ
  @Test
  void storedTextUntouched() throws IOException {
    List<String> ids = search("cấp ủy");
    int doc = Ranking.top(searcher, QUERIES, "cấp ủy", 10).scoreDocs[ids.indexOf("004")].doc;
    assertThat(searcher.storedFields().document(doc).get(TextFields.BODY)).contains("cấp uỷ");
  }

  // a phrase in quotes matches across punctuation
  @Test
  void phraseAcrossPunctuation() throws IOException {
    assertThat(search("\"Hai Bà Trưng\"")).first().isEqualTo("000");
  }

  // malformed syntax never throws
  @Test
  void malformed() throws IOException {
    assertThat(search("\"unclosed - OR OR -")).isNotNull();
  }
}
