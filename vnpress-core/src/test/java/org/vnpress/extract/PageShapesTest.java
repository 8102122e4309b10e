package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gold field of the page-shape fixtures ({@code shapes/shapes.json}): the seeds and DANeS
 * titles arranged the way genuine portal and newspaper posts are laid out, as text copies and as
 * saved HTML pages (built by {@code tools/build-shape-fixtures.py}).
 */
class PageShapesTest {

  private static final Extractor X = Extractor.standard();

  static Path folder() throws URISyntaxException {
    return Path.of(PageShapesTest.class.getResource("shapes/shapes.json").toURI()).getParent();
  }

  static JsonNode gold() throws IOException, URISyntaxException {
    return new ObjectMapper().readTree(folder().resolve("shapes.json").toFile());
  }

  static Stream<String> fixtures() throws IOException, URISyntaxException {
    List<String> names = new ArrayList<>();
    gold().fieldNames().forEachRemaining(n -> names.add(n));
    return names.stream().filter(n -> !n.startsWith("_"));
  }

  /** Extracts a fixture as {@code vnpress index} would: HTML pages through the page reader. */
  static PressRelease extract(Path file) throws IOException {
    String name = file.getFileName().toString();
    String stem = name.substring(0, name.lastIndexOf('.'));
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return name.endsWith(".html") ? X.fromHtml(stem, text) : X.fromText(stem, text);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyGoldFieldIsRight(String file) throws Exception {
    JsonNode g = gold().get(file);
    PressRelease r = extract(folder().resolve(file));
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(r.title()).as("title").isEqualTo(text(g.get("title")));
    soft.assertThat(r.date().iso()).as("date").isEqualTo(text(g.get("date")));
    if (g.has("author")) {
      soft.assertThat(r.author()).as("author").isEqualTo(text(g.get("author")));
    }
    soft.assertThat(r.body()).as("body start").startsWith(g.get("bodyStartsWith").asText());
    for (JsonNode x : g.get("bodyExcludes")) {
      soft.assertThat(r.body()).as("body without furniture").doesNotContain(x.asText());
    }
    if (g.has("districts")) {
      soft.assertThat(r.districts().stream().map(District::value).toList())
          .as("districts")
          .containsExactlyInAnyOrderElementsOf(strings(g.get("districts")));
      soft.assertThat(r.documents().stream().map(DocumentRef::value).toList())
          .as("documents")
          .containsExactlyInAnyOrderElementsOf(strings(g.get("documents")));
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void titleNeverTakesFurnitureOrADate(String file) throws Exception {
    PressRelease r = extract(folder().resolve(file));
    assertThat(r.displayTitle()).doesNotContainPattern("^\\d{1,2}/\\d{1,2}/\\d{4}");
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(v -> out.add(v.asText()));
    return out;
  }
}
