package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.vnpress.extract.LegacyEncoding.Encoding;

class LegacyEncodingTest {

  // TCVN3 (ABC) text converts to Unicode
  @Test
  void tcvn3() {
    var c = LegacyEncoding.convertIfLegacy("Uû ban nh©n d©n quËn Hai Bµ Tr­ng").orElseThrow();
    assertThat(c.encoding()).isEqualTo(Encoding.TCVN3);
    assertThat(c.text()).isEqualTo("Uỷ ban nhân dân quận Hai Bà Trưng");
  }

  // the national motto in TCVN3
  @Test
  void tcvn3Motto() {
    assertThat(LegacyEncoding.convertIfLegacy("Céng hßa X· héi chñ nghÜa ViÖt Nam"))
        .hasValueSatisfying(
            c -> assertThat(c.text()).isEqualTo("Cộng hòa Xã hội chủ nghĩa Việt Nam"));
  }

  // VNI text converts to Unicode
  @Test
  void vni() {
    var c =
        LegacyEncoding.convertIfLegacy("Coäng hoøa Xaõ hoäi chuû nghóa Vieät Nam").orElseThrow();
    assertThat(c.encoding()).isEqualTo(Encoding.VNI);
    assertThat(c.text()).isEqualTo("Cộng hòa Xã hội chủ nghĩa Việt Nam");
  }

  // VNI đ, ư, ơ and capitals
  @Test
  void vniLetters() {
    assertThat(LegacyEncoding.convert("ÑAÛNG boä ñöôøng Quaän", Encoding.VNI))
        .isEqualTo("ĐẢNG bộ đường Quận");
  }

  // Unicode text is left alone
  @Test
  void unicodeIsNotLegacy() {
    assertThat(LegacyEncoding.detect("Ủy ban nhân dân quận Hoàng Mai")).isEmpty();
  }

  // English or French text with a few Latin-1 letters is left alone
  @Test
  void latinIsNotLegacy() {
    assertThat(LegacyEncoding.detect("Le café où nous étions à Paris, © 2017")).isEmpty();
  }

  // no record of the shared corpora is taken for legacy text
  @Test
  void noFalseDetectionsInCorpus() throws IOException {
    Path dir = org.vnpress.Fixtures.shared("corpus/baomoi_2017.jsonl.gz").getParent();
    ObjectMapper json = new ObjectMapper();
    List<String> detected = new ArrayList<>();
    int records = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().contains(".jsonl")).sorted().toList();
    }
    for (Path file : files) {
      try (InputStream raw = Files.newInputStream(file);
          InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
          BufferedReader r =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          JsonNode rec = json.readTree(line);
          records++;
          for (String field : new String[] {"title", "body"}) {
            String text = rec.path(field).asText("");
            if (LegacyEncoding.detect(text).isPresent()) {
              detected.add(file.getFileName() + " " + rec.path("id").asText() + " " + field);
            }
          }
        }
      }
    }
    assertThat(records).isGreaterThan(47_000);
    assertThat(detected).isEmpty();
  }
}
