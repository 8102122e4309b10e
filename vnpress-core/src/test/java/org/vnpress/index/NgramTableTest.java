package org.vnpress.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.NgramKeys.Kind;

/** The counts of the seeds' syllables: what is counted, how it is stored, kept and pruned. */
class NgramTableTest {

  private static NgramTable seedCounts(int maxEntries) {
    SyllableCounts c = SyllableCounts.withBudget(maxEntries, SyllableCounts.MAX_FORMS);
    for (PressRelease r : Fixtures.seedReleases()) {
      c.add(TextCounts.of(r.displayTitle(), r.body()));
    }
    return c.freeze();
  }

  private static long bigram(String a, String b) {
    return NgramKeys.of(Kind.BIGRAM, NgramKeys.syllable(a), NgramKeys.syllable(b));
  }

  private static long trigram(String a, String b, String c) {
    return NgramKeys.of(
        Kind.TRIGRAM, NgramKeys.syllable(a), NgramKeys.syllable(b), NgramKeys.syllable(c));
  }

  @Test
  void countsAreThoseOfTheText() {
    NgramTable t = seedCounts(Integer.MAX_VALUE);
    // "Hoàng Mai" stands together in the seeds: the pair is counted, in the exact key
    int pair = t.count(bigram("hoàng", "mai"));
    assertThat(pair).isPositive();
    assertThat(t.count(trigram("quận", "hoàng", "mai"))).isPositive().isLessThanOrEqualTo(pair);
    assertThat(t.count(bigram("mai", "hoàng"))).isLessThan(pair);
    // a syllable's forms by folded key, commonest first, and its spelling in the text
    int[] forms = t.formsOf("hoang");
    assertThat(t.form(forms[0])).isEqualTo("hoàng");
    assertThat(t.surface(forms[0])).isEqualTo("Hoàng");
    assertThat(t.tokens()).isPositive();
  }

  @Test
  void numbersAndDocumentNumbersCountAsOneClass() {
    NgramTable t = seedCounts(Integer.MAX_VALUE);
    long number = NgramKeys.syllable(TextCounts.NUMBER);
    assertThat(t.count(NgramKeys.of(Kind.UNIGRAM, number))).isPositive();
    assertThat(t.formsOf("2024")).isEmpty();
  }

  @Test
  void aWrittenTableReadsBackTheSame() throws IOException {
    NgramTable t = seedCounts(Integer.MAX_VALUE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    t.write(out);
    NgramTable back = NgramTable.read(new ByteArrayInputStream(out.toByteArray()));
    assertThat(back.entries()).isEqualTo(t.entries());
    assertThat(back.tokens()).isEqualTo(t.tokens());
    assertThat(back.vocabularySize()).isEqualTo(t.vocabularySize());
    Map<Long, Integer> all = new HashMap<>();
    t.forEach(all::put);
    all.forEach((k, c) -> assertThat(back.count(k)).isEqualTo(c));
    assertThat(back.surface(back.id("hoàng"))).isEqualTo("Hoàng");
  }

  @Test
  void mergingAddsCountsUp() {
    SyllableCounts c = SyllableCounts.withBudget(Integer.MAX_VALUE, SyllableCounts.MAX_FORMS);
    PressRelease seed = Fixtures.seedReleases().get(1);
    c.add(TextCounts.of(seed.displayTitle(), seed.body()));
    NgramTable once = c.freeze();
    c.add(TextCounts.of(seed.displayTitle(), seed.body()));
    NgramTable twice = c.freeze();
    assertThat(twice.tokens()).isEqualTo(2 * once.tokens());
    assertThat(twice.count(bigram("hoàng", "mai")))
        .isEqualTo(2 * once.count(bigram("hoàng", "mai")));
    assertThat(twice.formCount(twice.id("quận"))).isEqualTo(2 * once.formCount(once.id("quận")));
  }

  @Test
  void pruningKeepsToTheBudgetAndDropsRareTrigramsFirst() {
    NgramTable full = seedCounts(Integer.MAX_VALUE);
    int budget = full.entries() * 2 / 3;
    NgramTable pruned = seedCounts(budget);
    assertThat(pruned.entries()).isLessThanOrEqualTo(budget);
    assertThat(pruned.floor()).isPositive();
    // frequent pairs survive; what went was counted once
    assertThat(pruned.count(bigram("hoàng", "mai"))).isEqualTo(full.count(bigram("hoàng", "mai")));
    long[] droppedAboveFloor = {0};
    full.forEach(
        (k, c) -> {
          boolean gram = NgramKeys.kind(k).ordinal() <= Kind.TRIGRAM.ordinal();
          if (gram && pruned.count(k) == 0 && c > pruned.floor()) {
            droppedAboveFloor[0]++;
          }
        });
    assertThat(droppedAboveFloor[0]).isZero();
  }

  @Test
  void theCounterDropsTheLeastCountedWhenFull() {
    LongCounter c = new LongCounter(1_000);
    for (long k = 1; k <= 5_000; k++) {
      c.add(k, 1);
      if (k % 10 == 0) {
        c.add(10_000_000 + k, 50); // frequent keys
      }
    }
    assertThat(c.size()).isLessThanOrEqualTo(1_000);
    assertThat(c.floor()).isPositive();
    assertThat(c.get(10_000_000 + 4_990)).isEqualTo(50);
  }
}
