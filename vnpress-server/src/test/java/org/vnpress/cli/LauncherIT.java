package org.vnpress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code bin/vnpress} as CONTRACT §1 describes it: finds a JDK 21+ or says what to install. */
class LauncherIT {

  private static final Path PROJECT = Path.of(System.getProperty("vnpress.project", "."));

  private record Run(int exit, String out) {}

  private static Run launch(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder();
    pb.command().add(PROJECT.resolve("bin/vnpress").toString());
    pb.command().addAll(java.util.List.of(args));
    pb.environment().remove("JAVA_HOME");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  @Test
  void withoutJdk21ItSaysWhatToInstallInOneLine() throws Exception {
    // only Java 17 on PATH and no JDK folder to search
    Run r = launch(Map.of("PATH", "/usr/bin:/bin", "VNPRESS_JVM_DIR", "/nonexistent"), "--help");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out().strip()).doesNotContain("\n").contains("JDK 21 or newer");
  }

  @Test
  void findsAJdkUnderUsrLibJvmWhenJava17IsFirstOnPath() throws Exception {
    Run r = launch(Map.of("PATH", "/usr/bin:/bin"), "--version");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("vnpress 0.1");
  }
}
