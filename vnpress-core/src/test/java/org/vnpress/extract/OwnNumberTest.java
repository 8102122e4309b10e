package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;

/** The document a release is: the resolutions are their own numbers; the seeds only cite. */
class OwnNumberTest {

  @Test
  void everyResolutionIsItsOwnNumber() throws IOException {
    List<PressRelease> resolutions =
        Fixtures.bundledReleases().stream().filter(r -> r.id().startsWith("resolution-")).toList();
    assertThat(resolutions).hasSize(35);
    for (PressRelease r : resolutions) {
      // ids are the numbers with "/" as "_": resolution-1656_NQ-UBTVQH15 is 1656/NQ-UBTVQH15
      String expected = r.id().substring("resolution-".length()).replace('_', '/');
      assertThat(r.number()).as(r.id()).isNotNull();
      assertThat(r.number().value()).isEqualTo(expected);
      assertThat(r.documents()).extracting(DocumentRef::value).contains(expected);
    }
  }

  @Test
  void aReleaseThatCitesANumberIsNotThatDocument() {
    for (PressRelease r : Fixtures.seedReleases()) {
      assertThat(r.number()).as(r.id()).isNull();
    }
  }
}
