package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.Sources;

/**
 * Every class of bad input of issue 9 on the CLI side: one rejection naming the file (and line)
 * with a reason a person can act on, and the good inputs next to it still read.
 */
class BadInputTest {

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

  private static List<PressRelease> accepted(List<Sources.Item> items) {
    return items.stream()
        .filter(i -> i instanceof Sources.Accepted)
        .map(i -> ((Sources.Accepted) i).release())
        .toList();
  }

  static String seedText(String id) throws IOException {
    return Files.readString(Fixtures.seeds().resolve(id + ".txt"), StandardCharsets.UTF_8);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  /** A seed next to the bad file: proves the rest of the batch is read. */
  private Path goodSeed() throws IOException {
    return Files.writeString(dir.resolve("good.txt"), seedText(Fixtures.SEED_000));
  }

  private String onlyRejection(Path bad) throws IOException {
    List<Sources.Item> items = read(bad, goodSeed());
    assertThat(accepted(items)).as("the good file is still read").hasSize(1);
    List<String> r = rejections(items);
    assertThat(r).hasSize(1);
    assertThat(r.get(0)).startsWith(bad.toString() + ":");
    return r.get(0);
  }

  @Test
  void emptyFile() throws IOException {
    assertThat(onlyRejection(write("empty.txt", new byte[0]))).endsWith(": empty file");
  }

  @Test
  void whitespaceOnlyFile() throws IOException {
    assertThat(onlyRejection(write("blank.txt", " \n\t\r\n   \n".getBytes(StandardCharsets.UTF_8))))
        .endsWith(": empty file");
  }

  @Test
  void pdfBytesAreNamedAsPdf() throws IOException {
    // a PDF header, its binary marker comment and a compressed-looking stream
    byte[] pdf =
        ("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Length 4 >>\nstream\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(onlyRejection(write("release.txt", pdf))).contains("PDF");
  }

  @Test
  void pngBytesAreNamedAsImage() throws IOException {
    byte[] png =
        Base64.getDecoder()
            .decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    assertThat(onlyRejection(write("photo.txt", png))).contains("PNG");
  }

  @Test
  void zipBytesAreNamedAsArchive() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("000.txt"));
      zip.write(seedText(Fixtures.SEED_000).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    assertThat(onlyRejection(write("bundle.txt", out.toByteArray()))).contains("ZIP");
  }

  @Test
  void binaryJsonlIsRejectedNotParsedLineByLine() throws IOException {
    byte[] png =
        Base64.getDecoder()
            .decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    List<String> r = rejections(read(write("x.jsonl", png)));
    assertThat(r).hasSize(1);
    assertThat(r.get(0)).startsWith(dir.resolve("x.jsonl") + ":1: ");
  }

  @Test
  void invalidUtf8() throws IOException {
    byte[] good = seedText(Fixtures.SEED_001).getBytes(StandardCharsets.UTF_8);
    byte[] bad = good.clone();
    bad[200] = (byte) 0xC3; // a lead byte followed by ASCII: malformed
    bad[201] = 'a';
    assertThat(onlyRejection(write("broken.txt", bad))).contains("not UTF-8");
  }

  @Test
  void utf8WithBomIsReadAndTheBomDropped() throws IOException {
    byte[] text = seedText(Fixtures.SEED_000).getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[text.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bom, 3, text.length);
    List<Sources.Item> items = read(write("bom.txt", bom));
    assertThat(rejections(items)).isEmpty();
    assertThat(accepted(items).get(0).title()).startsWith("Quận Hai Bà Trưng");
  }

  @Test
  void utf8BomOnTheFirstJsonlLineIsRead() throws IOException {
    byte[] line =
        "{\"id\":\"a\",\"body\":\"Sáng 19-10, Hội nghị lần thứ mười sáu.\"}\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[line.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(line, 0, bom, 3, line.length);
    List<Sources.Item> items = read(write("bom.jsonl", bom));
    assertThat(rejections(items)).isEmpty();
    assertThat(accepted(items)).extracting(PressRelease::id).containsExactly("a");
  }

  @Test
  void utf16WithBomIsDecoded() throws IOException {
    for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      byte[] text = ("\uFEFF" + seedText(Fixtures.SEED_000)).getBytes(cs);
      List<Sources.Item> items = read(write("utf16-" + cs.name() + ".txt", text));
      assertThat(rejections(items)).as(cs.name()).isEmpty();
      assertThat(accepted(items).get(0).title()).as(cs.name()).startsWith("Quận Hai Bà Trưng");
    }
  }

  @Test
  void utf16WithoutBomIsRejectedByName() throws IOException {
    byte[] text = seedText(Fixtures.SEED_000).getBytes(StandardCharsets.UTF_16LE);
    assertThat(onlyRejection(write("utf16.txt", text))).contains("UTF-16");
  }

  @Test
  void windows1258BytesAreRejectedNotIndexedAsMojibake() throws IOException {
    // Windows-1258 writes tones as combining marks: encode the decomposed seed text
    String nfd = Normalizer.normalize(seedText(Fixtures.SEED_000), Normalizer.Form.NFD);
    byte[] cp1258 = nfd.getBytes(Charset.forName("windows-1258"));
    assertThat(onlyRejection(write("cp1258.txt", cp1258))).contains("not UTF-8");
  }

  @Test
  void tcvn3TextIsConvertedAndSaysSo() throws IOException {
    // TCVN3 (.VnTime) letters read as Latin-1: "Cộng hòa Xã hội chủ nghĩa Việt Nam ..."
    String tcvn3 =
        "Céng hßa X· héi chñ nghÜa ViÖt Nam\n\n"
            + "Ban ChÊp hµnh §¶ng bé quËn Hai Bµ Tr­ng tæ chøc Héi nghÞ lÇn thø m­êi s¸u.\n";
    PressRelease r = onlyAccepted(write("tcvn3.txt", tcvn3.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.title()).isEqualTo("Cộng hòa Xã hội chủ nghĩa Việt Nam");
    assertThat(r.body()).contains("Ban Chấp hành Đảng bộ quận Hai Bà Trưng");
    assertThat(r.notes()).containsExactly("converted from TCVN3 to Unicode");
  }

  @Test
  void vniTextIsConvertedAndSaysSo() throws IOException {
    // VNI-Times letters read as Latin-1: "Cộng hòa Xã hội chủ nghĩa Việt Nam ..."
    String vni =
        "Coäng hoøa Xaõ hoäi chuû nghóa Vieät Nam\n\n"
            + "Ban Chaáp haønh Ñaûng boä quaän Hai Baø Tröng toå chöùc Hoäi nghò laàn thöù möôøi saùu.\n";
    PressRelease r = onlyAccepted(write("vni.txt", vni.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.title()).isEqualTo("Cộng hòa Xã hội chủ nghĩa Việt Nam");
    assertThat(r.body()).contains("Ban Chấp hành Đảng bộ quận Hai Bà Trưng");
    assertThat(r.notes()).containsExactly("converted from VNI to Unicode");
  }

  @Test
  void legacyTextInAJsonlRecordIsConverted() throws IOException {
    String rec =
        "{\"id\":\"ok\",\"body\":\"Sáng 19-10, Hội nghị lần thứ mười sáu.\"}\n"
            + "{\"id\":\"old\",\"body\":\"Ban ChÊp hµnh §¶ng bé quËn tæ chøc Héi nghÞ lÇn thø m­êi s¸u.\"}\n";
    Path f = write("legacy.jsonl", rec.getBytes(StandardCharsets.UTF_8));
    List<Sources.Item> items = read(f);
    assertThat(rejections(items)).isEmpty();
    PressRelease old = accepted(items).get(1);
    assertThat(old.body())
        .isEqualTo("Ban Chấp hành Đảng bộ quận tổ chức Hội nghị lần thứ mười sáu.");
    assertThat(old.notes()).containsExactly("converted from TCVN3 to Unicode");
  }

  @Test
  void unicodeVietnameseWithLatin1LettersIsNotMistakenForLegacy() throws IOException {
    // à á â ã è é ê ì í ò ó ô õ ù ú ý are Unicode Vietnamese letters too
    List<Sources.Item> items = read(goodSeed());
    assertThat(rejections(items)).isEmpty();
  }

  @Test
  void nulBytesMarkABinaryFile() throws IOException {
    byte[] text = seedText(Fixtures.SEED_000).getBytes(StandardCharsets.UTF_8);
    text[300] = 0;
    assertThat(onlyRejection(write("nul.txt", text))).contains("NUL");
  }

  @Test
  void controlCharactersAreDroppedFromTheText() throws IOException {
    String text = seedText(Fixtures.SEED_000).replace("Hội nghị", "Hội\u0007 nghị\u001B[31m");
    List<Sources.Item> items = read(write("ctl.txt", text.getBytes(StandardCharsets.UTF_8)));
    assertThat(rejections(items)).isEmpty();
    assertThat(accepted(items).get(0).body()).doesNotContainPattern("[\\p{Cc}&&[^\\n\\t]]");
  }

  @Test
  void controlCharactersInJsonRecordsAreDropped() throws IOException {
    Path f =
        write(
            "ctl.jsonl",
            "{\"id\":\"c\",\"title\":\"T\\u0000\\u0008itle\",\"body\":\"Sáng 19-10,\\u0000 Hội nghị\\u001b lần thứ mười sáu.\"}\n"
                .getBytes(StandardCharsets.UTF_8));
    List<Sources.Item> items = read(f);
    assertThat(rejections(items)).isEmpty();
    PressRelease r = accepted(items).get(0);
    assertThat(r.body()).doesNotContainPattern("\\p{Cc}");
    assertThat(r.title()).doesNotContainPattern("\\p{Cc}");
  }

  @Test
  void htmlIsStrippedToText() throws IOException {
    String body = seedText(Fixtures.SEED_000);
    String html =
        "<!doctype html><html><head><title>x</title><style>p{color:red}</style>"
            + "<script>alert('x')</script></head><body><p>"
            + body.replace("\n\n", "</p>\n<p>")
            + "</p><!-- comment --></body></html>";
    List<Sources.Item> items = read(write("page.html", html.getBytes(StandardCharsets.UTF_8)));
    assertThat(rejections(items)).isEmpty();
    PressRelease r = accepted(items).get(0);
    assertThat(r.body()).doesNotContain("<p>", "alert", "color:red", "comment");
    assertThat(r.body()).contains("Hội nghị lần thứ mười sáu");
  }

  @Test
  void htmlWithThousandsOfUnclosedTagsIsStrippedInLinearTime() throws IOException {
    // a crafted page: every unclosed <script or <!-- once made the stripper rescan the rest
    String body = seedText(Fixtures.SEED_000);
    String html =
        "<p>"
            + body.replace("\n\n", "</p><p>")
            + "</p>"
            + "<a <b <i ".repeat(20_000)
            + "<script>x ".repeat(20_000)
            + "<!-- ".repeat(20_000);
    long t0 = System.nanoTime();
    List<Sources.Item> items = read(write("crafted.html", html.getBytes(StandardCharsets.UTF_8)));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(rejections(items)).isEmpty();
    assertThat(accepted(items).get(0).body())
        .contains("Hội nghị lần thứ mười sáu")
        .doesNotContain("<script");
    // quadratic stripping took minutes here; linear takes well under a second even on a busy
    // machine
    assertThat(ms).isLessThan(20_000);
  }

  @Test
  void fiftyMegabyteFileIsRejectedBySizeWithoutReadingIt() throws IOException {
    Path big = dir.resolve("big.txt");
    try (var ch =
        java.nio.channels.FileChannel.open(
            big,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      // a sparse 50 MB file: reading it would show in the heap, checking its size does not
      ch.write(
          java.nio.ByteBuffer.wrap("x".getBytes(StandardCharsets.UTF_8)), 50L * 1024 * 1024 - 1);
    }
    assertThat(onlyRejection(big)).contains("larger than the 8 MB limit");
  }

  @Test
  void tenMegabyteSingleLineTextFileIsRejectedBySize() throws IOException {
    Path f = write("line.txt", "a".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
    assertThat(onlyRejection(f)).contains("larger than the 8 MB limit");
  }

  @Test
  void tenMegabyteJsonlLineIsRejectedWithItsLineAndTheNextLineRead() throws IOException {
    Path f = dir.resolve("long.jsonl");
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write(
          "{\"id\":\"a\",\"body\":\"Sáng 19-10, Hội nghị lần thứ mười sáu.\"}\n"
              .getBytes(StandardCharsets.UTF_8));
      out.write("{\"id\":\"huge\",\"body\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 10; i++) {
        out.write(chunk);
      }
      out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
      out.write(
          "{\"id\":\"b\",\"body\":\"Chiều 19-10, Hội nghị bế mạc.\"}\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    List<Sources.Item> items = read(f);
    assertThat(rejections(items))
        .singleElement()
        .asString()
        .startsWith(f + ":2: ")
        .contains("8 MB");
    assertThat(accepted(items)).extracting(PressRelease::id).containsExactly("a", "b");
  }

  @Test
  void aHugeJsonlLineIsSkippedInBoundedMemory() throws IOException {
    // 200 MB without a line break: a reader that buffers whole lines would need 400 MB of heap
    Path f = dir.resolve("endless.jsonl");
    try (OutputStream out = Files.newOutputStream(f)) {
      byte[] chunk = "y".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 200; i++) {
        out.write(chunk);
      }
      out.write(
          "\n{\"id\":\"after\",\"body\":\"Chiều 19-10, Hội nghị bế mạc.\"}\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    List<Sources.Item> items = new ArrayList<>();
    sources.readFile(f, items::add);
    assertThat(rejections(items))
        .containsExactly(f + ":1: line is longer than the 8 MB limit; skipped");
    assertThat(accepted(items)).extracting(PressRelease::id).containsExactly("after");
    Files.delete(f);
  }

  @Test
  void malformedJsonNamesTheLine() throws IOException {
    Path f =
        write(
            "bad.jsonl",
            ("{\"id\":\"a\",\"body\":\"Sáng 19-10, Hội nghị lần thứ mười sáu.\"}\n"
                    + "{\"id\":\"b\",\"body\":\"unterminated\n"
                    + "[1,2,3]\n"
                    + "\"just a string\"\n"
                    + "{\"id\":\"c\",\"body\":\"Chiều 19-10, Hội nghị bế mạc.\"}\n")
                .getBytes(StandardCharsets.UTF_8));
    List<Sources.Item> items = read(f);
    assertThat(rejections(items))
        .hasSize(3)
        .satisfiesExactly(
            r -> assertThat(r).startsWith(f + ":2: malformed JSON"),
            r -> assertThat(r).startsWith(f + ":3: a record must be a JSON object"),
            r -> assertThat(r).startsWith(f + ":4: a record must be a JSON object"));
    assertThat(accepted(items)).extracting(PressRelease::id).containsExactly("a", "c");
  }

  @Test
  void deeplyNestedJsonIsRejectedWithoutStackOverflow() throws IOException {
    String deep =
        "{\"id\":\"d\",\"body\":\"x\",\"extra\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    Path f =
        write(
            "deep.jsonl",
            (deep + "\n{\"id\":\"c\",\"body\":\"Chiều 19-10, Hội nghị bế mạc.\"}\n")
                .getBytes(StandardCharsets.UTF_8));
    List<Sources.Item> items = read(f);
    assertThat(rejections(items))
        .singleElement()
        .asString()
        .startsWith(f + ":1: ")
        .contains("nesting");
    assertThat(accepted(items)).extracting(PressRelease::id).containsExactly("c");
  }

  @Test
  void missingBodyNamesTheRecord() throws IOException {
    Path f =
        write(
            "nobody.jsonl",
            ("{\"id\":\"a\",\"title\":\"Chỉ có tiêu đề\"}\n"
                    + "{\"id\":\"b\",\"body\":null}\n"
                    + "{\"id\":\"c\",\"body\":\"   \"}\n"
                    + "{\"id\":\"d\",\"body\":42}\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(rejections(read(f)))
        .hasSize(4)
        .allSatisfy(r -> assertThat(r).contains("missing \"body\""));
  }

  @Test
  void truncatedGzipIsRejectedAfterTheRecordsBeforeTheBreak() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(buf)) {
      for (int i = 0; i < 5000; i++) {
        gz.write(
            ("{\"id\":\"g" + i + "\",\"body\":\"Sáng 19-10, Hội nghị lần thứ " + i + ".\"}\n")
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] all = buf.toByteArray();
    Path f = write("cut.jsonl.gz", java.util.Arrays.copyOf(all, all.length / 2));
    List<Sources.Item> items = read(f);
    assertThat(rejections(items)).singleElement().asString().contains("gzip");
    assertThat(accepted(items)).isNotEmpty();
  }

  private PressRelease onlyAccepted(Path f) throws IOException {
    List<Sources.Item> items = read(f);
    assertThat(rejections(items)).isEmpty();
    assertThat(accepted(items)).hasSize(1);
    return accepted(items).get(0);
  }
}
