package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vnpress.Fixtures;

/** The foundation fields of {@code shared/seeds/gold.json}, for every seed. */
class ExtractorSeedsTest {

  static Stream<Path> seeds() {
    return Fixtures.seedFiles().stream();
  }

  private static JsonNode gold(Path seed) throws IOException {
    JsonNode all = new ObjectMapper().readTree(Fixtures.seedGold());
    JsonNode g = all.get(seed.getFileName().toString());
    assertThat(g).as("gold entry for " + seed).isNotNull();
    return g;
  }

  private static PressRelease extract(Path seed) throws IOException {
    return Extractor.standard().fromText(Fixtures.stem(seed), Files.readString(seed));
  }

  private static String textOrNull(JsonNode g, String field) {
    JsonNode v = g.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void titleMatchesGold(Path seed) throws IOException {
    assertThat(extract(seed).title()).isEqualTo(textOrNull(gold(seed), "title"));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void dateAndPrecisionMatchGold(Path seed) throws IOException {
    PressRelease r = extract(seed);
    JsonNode g = gold(seed);
    assertThat(r.date().iso()).isEqualTo(textOrNull(g, "date"));
    assertThat(r.date().precision().label()).isEqualTo(textOrNull(g, "datePrecision"));
    assertThat(r.quarter()).isEqualTo(textOrNull(g, "quarter"));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void authorAndUrlMatchGold(Path seed) throws IOException {
    PressRelease r = extract(seed);
    JsonNode g = gold(seed);
    // gold names an author or url only where the page has one
    assertThat(r.author()).isEqualTo(textOrNull(g, "author"));
    assertThat(r.url()).isEqualTo(textOrNull(g, "url"));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void bodyIsCleanAsGoldSays(Path seed) throws IOException {
    PressRelease r = extract(seed);
    JsonNode g = gold(seed);
    assertThat(r.body()).startsWith(g.get("bodyStartsWith").asText());
    for (JsonNode ex : iterable(g, "bodyExcludes")) {
      assertThat(r.body()).doesNotContain(ex.asText());
    }
    for (JsonNode in : iterable(g, "bodyContains")) {
      assertThat(r.body()).contains(in.asText());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void displayTitleIsNeverEmpty(Path seed) throws IOException {
    PressRelease r = extract(seed);
    assertThat(r.displayTitle()).isNotBlank();
    if (r.title() != null) {
      assertThat(r.displayTitle()).isEqualTo(r.title());
    } else {
      // seed 003 has no title: the first sentence stands in, never the date marker
      assertThat(r.displayTitle()).startsWith("Tại hội nghị").doesNotContain("date 2022");
    }
  }

  private static Iterable<JsonNode> iterable(JsonNode g, String field) {
    JsonNode v = g.get(field);
    return v == null ? java.util.List.of() : v;
  }
}
