package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vnpress.cli.Main;
import org.vnpress.server.ServerConfig;

/** Safe defaults: loopback only, writes off without a token, an idle timeout. */
class ServerDefaultsTest {

  @Test
  void serveBindsLoopbackByDefault() {
    var serve = Main.commandLine().getSubcommands().get("serve").getCommandSpec();
    assertThat(serve.findOption("--host").initialValue()).isEqualTo("127.0.0.1");
  }

  @Test
  void localConfigIsLoopbackWithoutCorsAndWithAnIdleTimeout() {
    ServerConfig c = ServerConfig.local(7070, null);
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.corsOrigin()).isNull();
    assertThat(c.token()).isNull();
    assertThat(c.idleTimeoutMs()).isEqualTo(30_000);
  }
}
