package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Districts, documents and periods of the five seeds match {@code seeds/gold.json}. */
class SeedMetadataGoldTest {

  private static final Path SEEDS = org.vnpress.Fixtures.seeds();
  private static final Extractor EXTRACTOR = Extractor.standard();

  static Stream<String> seeds() throws IOException {
    List<String> names = new ArrayList<>();
    gold().fieldNames().forEachRemaining(names::add);
    return names.stream().filter(n -> n.endsWith(".txt"));
  }

  private static JsonNode gold() throws IOException {
    return new ObjectMapper().readTree(org.vnpress.Fixtures.seedGold());
  }

  private static PressRelease extract(String file) throws IOException {
    String stem = file.substring(0, file.length() - 4);
    return EXTRACTOR.fromText(stem, Files.readString(SEEDS.resolve(file), StandardCharsets.UTF_8));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void districtsMatchGold(String file) throws IOException {
    List<String> got = extract(file).districts().stream().map(District::value).toList();
    assertThat(got).containsExactlyInAnyOrderElementsOf(strings(gold().get(file).get("districts")));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void documentsMatchGold(String file) throws IOException {
    List<String> got = extract(file).documents().stream().map(DocumentRef::value).toList();
    assertThat(got).containsExactlyInAnyOrderElementsOf(strings(gold().get(file).get("documents")));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void periodsMatchGold(String file) throws IOException {
    assertThat(extract(file).periods())
        .containsExactlyInAnyOrderElementsOf(strings(gold().get(file).get("periods")));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void dateMatchesGold(String file) throws IOException {
    JsonNode g = gold().get(file);
    PubDate date = extract(file).date();
    assertThat(date.iso()).isEqualTo(g.get("date").isNull() ? null : g.get("date").asText());
    assertThat(date.precision().label()).isEqualTo(g.get("datePrecision").asText());
  }
}
