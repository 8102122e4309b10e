package org.vnpress.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnpress.Fixtures;
import org.vnpress.extract.District;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.PressIndex;

/**
 * The naive Lucene page does the whole page, on the five seeds loaded from a vnpress index: every
 * word required, phrases, folding, exact totals, facets with drill-sideways, marked snippets.
 */
class NaiveLucenePeerTest {

  @TempDir static Path dir;

  private static NaiveLucenePeer peer;

  private static List<PressRelease> seeds;

  @BeforeAll
  static void build() throws Exception {
    seeds = Fixtures.seedReleases();
    try (PressIndex idx = PressIndex.open(dir.resolve("vnpress"))) {
      idx.write(seeds);
    }
    peer =
        NaiveLucenePeer.open(
            dir.resolve("lucene"),
            dir.resolve("vnpress"),
            new PrintStream(OutputStream.nullOutputStream()));
  }

  @AfterAll
  static void close() throws Exception {
    peer.close();
  }

  /**
   * Whether a release holds every word, as written or folded: the query's folded token meets the
   * text's folded one, so that "tế" also finds "tệ" (what the naive analysis does).
   */
  private static boolean holds(PressRelease r, String... words) {
    String text = StoredReleases.title(r) + "\n" + r.body();
    Set<String> folded =
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}\\p{N}]+"))
            .map(QueryMix::unaccent)
            .collect(Collectors.toSet());
    return Arrays.stream(words).map(QueryMix::unaccent).allMatch(folded::contains);
  }

  private static boolean in(PressRelease r, String district) {
    return r.districts().stream().map(District::value).anyMatch(district::equals);
  }

  private static long count(Predicate<PressRelease> p) {
    return seeds.stream().filter(p).count();
  }

  private static NaiveLucenePeer.Page page(String q, String district) throws Exception {
    return peer.page(new QueryMix.Query("test", q, district, null));
  }

  @Test
  void everyWordIsRequired() throws Exception {
    // the total counts exactly the releases that hold all four words
    NaiveLucenePeer.Page p = page("hoàng mai kinh tế", null);
    long expected = count(r -> holds(r, "hoàng", "mai", "kinh", "tế"));
    assertThat(expected).isPositive().isLessThan(seeds.size());
    assertThat(p.total()).isEqualTo(expected);
    assertThat(p.ids()).hasSize((int) expected);
  }

  @Test
  void unaccentedWordsMatchThroughTheFoldedTokens() throws Exception {
    // what people type without a Vietnamese keyboard finds the accented text
    assertThat(page("hoang mai kinh te", null).total())
        .isEqualTo(page("hoàng mai kinh tế", null).total())
        .isPositive();
  }

  @Test
  void quotedPhraseIsAPhrase() throws Exception {
    // the phrase needs its words together, not just somewhere in the release
    NaiveLucenePeer.Page p = page("\"Hai Bà Trưng\"", null);
    long expected =
        count(
            r ->
                (StoredReleases.title(r) + "\n" + r.body())
                    .toLowerCase(Locale.ROOT)
                    .contains("hai bà trưng"));
    assertThat(p.total()).isEqualTo(expected).isPositive();
    assertThat(p.snippets()).allMatch(s -> s.contains("<mark>"));
    assertThat(p.snippets().get(0)).containsIgnoringCase("<mark>Hai Bà Trưng</mark>");
  }

  @Test
  void districtFilterNarrowsTheTotalAndKeepsTheOtherDistricts() throws Exception {
    // drill-sideways: the selected district's dimension still lists the others with their counts
    String district = "Hà Nội/Hoàng Mai";
    NaiveLucenePeer.Page all = page("quận", null);
    NaiveLucenePeer.Page filtered = page("quận", district);
    long expected = count(r -> holds(r, "quận") && in(r, district));
    assertThat(filtered.total()).isEqualTo(expected).isPositive().isLessThan(all.total());
    assertThat(filtered.facets().get("district")).hasSizeGreaterThan(1);
    assertThat(filtered.facets().get("district")).isEqualTo(all.facets().get("district"));
    long dated = count(r -> holds(r, "quận") && r.date().year() > 0 && in(r, district));
    assertThat(filtered.facets().get("year").stream().mapToLong(NaiveLucenePeerTest::count).sum())
        .isEqualTo(dated);
  }

  @Test
  void facetsCountTheMatchesByVnpressExtraction() throws Exception {
    // every dimension of the five: quarters as extraction gave them, summed to the total
    NaiveLucenePeer.Page p = page("quận", null);
    assertThat(p.facets().keySet())
        .containsExactly("district", "quarter", "year", "document", "doctype");
    long withQuarter = count(r -> holds(r, "quận") && r.quarter() != null);
    assertThat(p.facets().get("quarter").stream().mapToLong(NaiveLucenePeerTest::count).sum())
        .isEqualTo(withQuarter);
    assertThat(p.titles()).hasSize(p.ids().size());
  }

  private static long count(String labelAndValue) {
    return Long.parseLong(labelAndValue.substring(labelAndValue.lastIndexOf('=') + 1));
  }
}
