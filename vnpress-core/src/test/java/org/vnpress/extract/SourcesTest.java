package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnpress.Fixtures;

/**
 * Reading inputs: every bad input is one rejection naming the file (and line); the rest goes on.
 */
class SourcesTest {

  @TempDir Path dir;

  private final Sources sources = new Sources(Extractor.standard());

  private List<Sources.Item> read(Path... paths) throws IOException {
    List<Sources.Item> items = new ArrayList<>();
    sources.read(List.of(paths), items::add);
    return items;
  }

  private static List<String> rejections(List<Sources.Item> items) {
    return items.stream()
        .filter(i -> i instanceof Sources.Rejected)
        .map(i -> ((Sources.Rejected) i).origin() + ": " + ((Sources.Rejected) i).reason())
        .toList();
  }

  @Test
  void folderOfSeedsGivesFiveReleasesWithFileStemIds() throws IOException {
    List<Sources.Item> items = read(Fixtures.seeds());
    assertThat(items).hasSize(5).allMatch(i -> i instanceof Sources.Accepted);
    assertThat(((Sources.Accepted) items.get(0)).release().id()).isEqualTo(Fixtures.SEED_000);
  }

  // a fresh clone's first start indexes index-data/ and must not report a rejection there
  @Test
  void bundledDataHasNoRejection() throws IOException {
    List<Sources.Item> items = read(Fixtures.project().resolve("index-data"));
    assertThat(rejections(items)).isEmpty();
    assertThat(items).hasSize(5 + 35 + 2028);
  }

  // a DANeS record whose description only repeats its title keeps that text as its body
  @Test
  void recordWhoseBodyRepeatsItsTitleKeepsIt() {
    String title = "Cập nhật giá tôm thẻ kiểm kháng sinh ngày 4/10/2021";
    PressRelease r =
        Extractor.standard()
            .fromRecord(new InputRecord("danes-786842", title, title, null, null, null));
    assertThat(r.title()).isEqualTo(title);
    assertThat(r.body()).isEqualTo(title);
  }

  @Test
  void emptyFileIsRejected() throws IOException {
    Path f = Files.writeString(dir.resolve("empty.txt"), "  \n\n ");
    assertThat(rejections(read(f))).containsExactly(f + ": empty file");
  }

  @Test
  void nonUtf8FileIsRejected() throws IOException {
    // "Hà Nội" in Windows-1258 bytes (à = E0, ô = F4) is not UTF-8
    Path f =
        Files.write(
            dir.resolve("cp1258.txt"),
            new byte[] {'H', (byte) 0xE0, ' ', 'N', (byte) 0xF4, 'i', '\n', 'x', '\n'});
    assertThat(rejections(read(f))).singleElement().asString().contains("not UTF-8");
  }

  @Test
  void missingPathIsRejected() throws IOException {
    Path f = dir.resolve("nope.txt");
    assertThat(rejections(read(f))).containsExactly(f + ": no such file or folder");
  }

  @Test
  void malformedJsonlLineIsRejectedWithItsLineAndTheRestRead() throws IOException {
    Path f =
        Files.writeString(
            dir.resolve("r.jsonl"),
            "{\"id\":\"a\",\"body\":\"Nội dung một.\"}\n{broken\n{\"id\":\"b\",\"body\":\"Nội dung hai.\"}\n");
    List<Sources.Item> items = read(f);
    assertThat(rejections(items)).singleElement().asString().startsWith(f + ":2: malformed JSON");
    assertThat(items).filteredOn(i -> i instanceof Sources.Accepted).hasSize(2);
  }

  @Test
  void recordWithoutBodyIsRejected() throws IOException {
    Path f = Files.writeString(dir.resolve("r.jsonl"), "{\"id\":\"a\",\"title\":\"T\"}\n");
    assertThat(rejections(read(f))).singleElement().asString().contains("missing \"body\"");
  }

  @Test
  void gzippedJsonlIsRead() throws IOException {
    Path f = dir.resolve("r.jsonl.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("{\"id\":\"a\",\"body\":\"Nội dung.\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(read(f)).singleElement().isInstanceOf(Sources.Accepted.class);
  }

  @Test
  void byteOrderMarkIsAccepted() throws IOException {
    byte[] text = Files.readAllBytes(Fixtures.seeds().resolve(Fixtures.SEED_000 + ".txt"));
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Path f = Files.write(dir.resolve("bom.txt"), withBom);
    Sources.Accepted a = (Sources.Accepted) read(f).get(0);
    assertThat(a.release().title()).startsWith("Quận Hai Bà Trưng");
  }

  @Test
  void htmlIsStrippedToText() throws IOException {
    Path f =
        Files.writeString(
            dir.resolve("a.html"),
            "<html><head><script>alert(1)</script></head><body><h1>Tiêu đề</h1>"
                + "<p>Thứ 3, 26/07/2022 | 17:11</p><p>Nội dung &amp; bài viết.</p></body></html>");
    Sources.Accepted a = (Sources.Accepted) read(f).get(0);
    assertThat(a.release().title()).isEqualTo("Tiêu đề");
    assertThat(a.release().body()).isEqualTo("Nội dung & bài viết.");
  }
}
