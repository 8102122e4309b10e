package org.vnpress.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.NgramKeys;
import org.vnpress.index.NgramTable;
import org.vnpress.index.SyllableCounts;
import org.vnpress.index.TextCounts;

/**
 * The accent model's counts kept in the cluster: written in parts and a head, read back whole, the
 * last generation's parts deleted. The cluster here is a map that answers document GET, PUT and
 * DELETE as OpenSearch does ({@code _source}, 404 when missing).
 */
class ClusterSyllableStoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Documents by path, as an index stores them. */
  private final Map<String, String> docs = new HashMap<>();

  /** Index mappings by name. */
  private final Map<String, String> mapping = new HashMap<>();

  private final ClusterSyllableStore.Http cluster =
      (method, path, json) -> {
        String id = path.replaceAll("\\?.*", "");
        if (!id.contains("/")) {
          // the index itself: created with its mapping once
          if (method.equals("PUT")) {
            mapping.put(id, json);
          }
          return new ClusterSyllableStore.Reply(mapping.containsKey(id) ? 200 : 404, "{}");
        }
        switch (method) {
          case "PUT":
            docs.put(id, json);
            return new ClusterSyllableStore.Reply(201, "{\"result\":\"created\"}");
          case "DELETE":
            return new ClusterSyllableStore.Reply(docs.remove(id) == null ? 404 : 200, "{}");
          default:
            String doc = docs.get(id);
            if (doc == null) {
              return new ClusterSyllableStore.Reply(404, "{\"found\":false}");
            }
            ObjectNode answer = JSON.createObjectNode().put("found", true);
            answer.set("_source", JSON.readTree(doc));
            return new ClusterSyllableStore.Reply(200, answer.toString());
        }
      };

  private static NgramTable seedCounts() {
    SyllableCounts c = new SyllableCounts();
    for (PressRelease r : Fixtures.seedReleases()) {
      c.add(TextCounts.of(r.displayTitle(), r.body()));
    }
    return c.freeze();
  }

  @Test
  void countsWrittenToTheClusterReadBackTheSame() throws IOException {
    ClusterSyllableStore store = new ClusterSyllableStore(cluster, "vnpress");
    assertThat(store.read()).isNull();
    NgramTable t = seedCounts();
    store.write(t);
    assertThat(docs.keySet()).allMatch(k -> k.startsWith("vnpress-syllables/_doc/"));
    // binary parts: the cluster must never analyse them as text
    assertThat(mapping.get("vnpress-syllables")).contains("\"data\":{\"type\":\"binary\"}");
    NgramTable back = store.read();
    assertThat(back.tokens()).isEqualTo(t.tokens());
    assertThat(back.entries()).isEqualTo(t.entries());
    long pair =
        NgramKeys.of(NgramKeys.Kind.BIGRAM, NgramKeys.syllable("hoàng"), NgramKeys.syllable("mai"));
    assertThat(back.count(pair)).isEqualTo(t.count(pair)).isPositive();
  }

  @Test
  void aNewTableReplacesTheOldOnesParts() throws IOException {
    ClusterSyllableStore store = new ClusterSyllableStore(cluster, "vnpress");
    store.write(seedCounts());
    int first = docs.size();
    store.write(NgramTable.empty());
    // the head and the new parts only
    assertThat(docs.size()).isLessThanOrEqualTo(first);
    assertThat(store.read().tokens()).isZero();
  }
}
