package org.vnpress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code serve} says as it starts: the exposure warning and the banner. */
class ServeCommandTest {

  @Test
  void loopbackNeedsNoWarning() {
    assertThat(ServeCommand.exposureWarning("127.0.0.1", null)).isEmpty();
    assertThat(ServeCommand.exposureWarning("localhost", null)).isEmpty();
    assertThat(ServeCommand.exposureWarning("::1", "t")).isEmpty();
  }

  @Test
  void allInterfacesWithoutATokenWarnsThatWritesAreOff() {
    assertThat(ServeCommand.exposureWarning("0.0.0.0", null))
        .hasValueSatisfying(w -> assertThat(w).contains("anyone").contains("writes are off"));
  }

  @Test
  void allInterfacesWithATokenStillSaysSearchIsOpen() {
    assertThat(ServeCommand.exposureWarning("0.0.0.0", "secret"))
        .hasValueSatisfying(w -> assertThat(w).contains("anyone").contains("bearer token"));
  }

  @Test
  void aBlankTokenIsNotSaidToTurnWritesOn() {
    assertThat(ServeCommand.banner("127.0.0.1", 7070, 5, "   "))
        .doesNotContain("writes on")
        .contains("writes off")
        .contains("VNPRESS_TOKEN is blank");
    assertThat(ServeCommand.banner("127.0.0.1", 7070, 5, null)).contains("writes off");
    assertThat(ServeCommand.banner("127.0.0.1", 7070, 5, "secret")).contains("writes on");
    assertThat(ServeCommand.exposureWarning("0.0.0.0", "   "))
        .hasValueSatisfying(w -> assertThat(w).contains("writes are off"));
  }
}
