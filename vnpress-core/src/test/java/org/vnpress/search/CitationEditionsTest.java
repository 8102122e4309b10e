package org.vnpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.InputRecord;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.PressIndex;

/**
 * Party numbers restart every term: two releases that give {@code 05-CT/TW} a term ({@code khóa
 * XII}) and a year ({@code ngày 15-5-2016}) are kept apart in the citations view, as they state
 * them (baomoi texts read from {@code ../shared}; nothing of them is stored here).
 */
class CitationEditionsTest {

  private static final Set<String> IDS = Set.of("baomoi-22307548", "baomoi-21494776");

  private static List<PressRelease> releases() throws IOException {
    Path corpus = Fixtures.shared("corpus/baomoi_2017.jsonl.gz");
    ObjectMapper json = new ObjectMapper();
    Extractor x = Extractor.standard();
    List<PressRelease> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(corpus)), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode n = json.readTree(line);
        if (IDS.contains(n.get("id").asText())) {
          out.add(
              x.fromRecord(
                  new InputRecord(
                      n.get("id").asText(),
                      n.get("title").asText(),
                      n.get("body").asText(),
                      null,
                      null,
                      null)));
        }
      }
    }
    return out;
  }

  @Test
  void aTermAndAYearOfOneNumberAreListedApart() throws IOException {
    try (PressIndex index = PressIndex.inMemory();
        LuceneBackend backend = new LuceneBackend(index)) {
      index.write(releases());
      CitationView all = CitationView.of(backend, "05-CT/TW", null, 1, 10);
      assertThat(all.citing().total()).isEqualTo(2);
      assertThat(all.editions())
          .extracting(FacetValue::value, FacetValue::count)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("05-CT/TW@XII", 1L),
              org.assertj.core.groups.Tuple.tuple("05-CT/TW@2016", 1L));
      CitationView twelfth = CitationView.of(backend, "05-CT/TW", "XII", 1, 10);
      assertThat(twelfth.edition()).isEqualTo("XII");
      assertThat(twelfth.citing().hits()).extracting(Hit::id).containsExactly("baomoi-22307548");
      // the editions stay listed whichever is chosen
      assertThat(twelfth.editions()).hasSize(2);
    }
  }
}
