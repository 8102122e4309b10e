package org.vnpress.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnpress.Fixtures;
import org.vnpress.extract.Person;
import org.vnpress.extract.PressRelease;
import org.vnpress.search.LuceneBackend;
import org.vnpress.search.SearchRequest;
import org.vnpress.search.SearchResponse;

/**
 * Records stored by the second index layout have no people, meeting or own number: they still
 * decode, and the rebuild to layout 3 finds those facts from their stored text.
 */
class IndexUpgradeFactsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A seed's record as layout 2 stored it: the same JSON without the keys layout 3 added. */
  private static String layout2Record(PressRelease r) throws IOException {
    ObjectNode n = (ObjectNode) JSON.readTree(RecordCodec.encodeWithoutBody(r));
    n.remove(List.of("people", "meeting", "number"));
    n.withArray("documents").forEach(d -> ((ObjectNode) d).remove("term"));
    return JSON.writeValueAsString(n);
  }

  @Test
  void anOldRecordDecodesWithoutTheNewFacts() throws IOException {
    PressRelease seed = seed(Fixtures.SEED_004);
    PressRelease old = RecordCodec.decode(layout2Record(seed), seed.body());
    assertThat(old.people()).isEmpty();
    assertThat(old.meeting()).isNull();
    assertThat(old.number()).isNull();
    assertThat(old.districts()).isEqualTo(seed.districts());
    assertThat(old.body()).isEqualTo(seed.body());
  }

  @Test
  void theRebuildFindsPeopleAndMeetingsFromTheStoredText(@TempDir Path dir) throws IOException {
    Path index = dir.resolve("index");
    // an index written by layout 2: id, record without the new keys, body; schema "2"
    try (FSDirectory d = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      for (PressRelease r : Fixtures.seedReleases()) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, r.id(), Field.Store.YES));
        doc.add(new StoredField(Fields.RECORD, layout2Record(r)));
        doc.add(new StoredField(TextFields.BODY, r.body()));
        w.addDocument(doc);
      }
      w.setLiveCommitData(Map.of(Fields.SCHEMA_KEY, "2").entrySet());
      w.commit();
    }
    try (PressIndex upgraded = PressIndex.open(index);
        LuceneBackend backend = new LuceneBackend(upgraded)) {
      try (FSDirectory d = FSDirectory.open(index)) {
        assertThat(PressIndex.schemaOf(d)).isEqualTo(Fields.SCHEMA);
      }
      SearchResponse dung =
          backend.search(
              SearchRequest.of("").withFilters(Map.of(Fields.PERSON, List.of("Nguyễn Văn Dũng"))));
      assertThat(dung.hits()).extracting(h -> h.id()).containsExactly(Fixtures.SEED_004);
      assertThat(dung.hits().get(0).people())
          .contains(new Person("Nguyễn Văn Dũng", "Chánh Văn phòng", "Quận ủy Hoàn Kiếm"));
      SearchResponse sixteenth =
          backend.search(SearchRequest.of("").withFilters(Map.of(Fields.SESSION, List.of("16"))));
      assertThat(sixteenth.hits()).extracting(h -> h.id()).containsExactly(Fixtures.SEED_000);
      // what the old records stored is kept as it was
      assertThat(sixteenth.hits().get(0).districts())
          .isEqualTo(seed(Fixtures.SEED_000).districts());
    }
  }

  private static PressRelease seed(String id) {
    return Fixtures.seedReleases().stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
