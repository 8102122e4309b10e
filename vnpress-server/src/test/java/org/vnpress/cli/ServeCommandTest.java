package org.vnpress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warning {@code serve} logs when it is reachable from beyond this machine. */
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
}
