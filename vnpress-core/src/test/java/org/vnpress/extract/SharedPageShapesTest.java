package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;

/**
 * Page shapes filled at test time with baomoi news text, which may not be copied into the
 * repository: a text copy under a category line and above related links, and a saved district
 * portal page with numeric entities. The shape must change nothing the text says: the title is the
 * record's, the body starts with its lead, and districts and documents are those of the plain
 * record.
 */
class SharedPageShapesTest {

  private static final Extractor X = Extractor.standard();

  /** The first records of baomoi with a title and at least three paragraphs. */
  private static List<String[]> records(int n) throws IOException {
    Path p = Fixtures.shared("corpus/baomoi_2017.jsonl.gz");
    ObjectMapper json = new ObjectMapper();
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null && out.size() < n; line = r.readLine()) {
        JsonNode j = json.readTree(line);
        String title = j.path("title").asText("").strip();
        String body = j.path("body").asText("").strip();
        String[] paragraphs = body.split("\n+");
        if (title.length() < 20 || paragraphs.length < 3 || !body.contains("quận")) {
          continue;
        }
        out.add(new String[] {j.path("id").asText(), title, body});
      }
    }
    return out;
  }

  private static String nfc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  @Test
  void textCopyUnderACategoryLineKeepsTitleLeadAndFacets() throws IOException {
    for (String[] rec : records(40)) {
      PressRelease plain = X.fromRecord(new InputRecord(rec[0], rec[1], rec[2], null, null, null));
      String copy =
          "Hoạt động Đảng\n\n" + rec[1] + "\n\n" + rec[2] + "\n\nTin cùng chuyên mục\n\nKhác";
      PressRelease shaped = X.fromText(rec[0], copy);
      assertThat(shaped.title()).as(rec[0]).isEqualTo(nfc(rec[1]));
      assertThat(shaped.date().isKnown()).as(rec[0]).isFalse();
      assertThat(shaped.body())
          .as(rec[0])
          .startsWith(plain.body().substring(0, Math.min(30, plain.body().length())))
          .doesNotContain("Tin cùng chuyên mục");
      assertThat(shaped.districts()).as(rec[0]).isEqualTo(plain.districts());
      assertThat(shaped.documents()).as(rec[0]).isEqualTo(plain.documents());
    }
  }

  @Test
  void portalPageWithEntitiesKeepsTitleLeadAndFacets() throws IOException {
    for (String[] rec : records(40)) {
      PressRelease plain = X.fromRecord(new InputRecord(rec[0], rec[1], rec[2], null, null, null));
      StringBuilder html = new StringBuilder();
      html.append("<html><head><title>")
          .append(Entities.escape(rec[1]))
          .append(" - Cổng thông tin</title></head><body>")
          .append("<nav class=\"menu\"><a href=\"/\">Trang chủ</a></nav>")
          .append("<div class=\"journal-content-article\"><h1>")
          .append(numeric(rec[1]))
          .append("</h1>");
      for (String para : rec[2].split("\n+")) {
        html.append("<p>").append(numeric(para)).append("</p>\n");
      }
      html.append("</div><div class=\"related-news\"><h3>Tin liên quan</h3><ul><li><a href=\"/x\">")
          .append(Entities.escape(rec[1]))
          .append("</a></li></ul></div></body></html>");
      PressRelease shaped = X.fromHtml(rec[0], html.toString());
      assertThat(shaped.title()).as(rec[0]).isEqualTo(nfc(rec[1]).replaceAll("\\s+", " "));
      assertThat(shaped.date().isKnown()).as(rec[0]).isFalse();
      assertThat(shaped.body())
          .as(rec[0])
          .startsWith(plain.body().substring(0, Math.min(30, plain.body().length())))
          .doesNotContain("Tin liên quan", "&#");
      assertThat(shaped.districts()).as(rec[0]).isEqualTo(plain.districts());
      assertThat(shaped.documents()).as(rec[0]).isEqualTo(plain.documents());
    }
  }

  /** Every non-ASCII character as a numeric entity ({@code &#7889;}), as some portals save them. */
  private static String numeric(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : Entities.escape(s).toCharArray()) {
      sb.append(c < 128 ? String.valueOf(c) : "&#" + (int) c + ";");
    }
    return sb.toString();
  }
}
