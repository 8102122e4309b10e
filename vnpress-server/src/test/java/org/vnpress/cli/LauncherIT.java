package org.vnpress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /**
   * An archive older than the jar (left by an earlier build) is written again when the server
   * stops: the JVM itself neither maps nor rewrites it, so every later start was 0.5–0.7 s slower
   * for good.
   */
  @Test
  void aClassDataArchiveOlderThanTheJarIsWrittenAgainWhenTheServerStops(@TempDir Path tmp)
      throws Exception {
    Path jar = PROJECT.resolve("target/vnpress.jar");
    Path jsa = PROJECT.resolve("target/vnpress-serve.jsa");
    assertThat(jar).exists();
    byte[] stale = new byte[4096];
    new java.util.Random(7).nextBytes(stale);
    Files.write(jsa, stale);
    Files.setLastModifiedTime(
        jsa, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Files.createDirectories(tmp.resolve("data"));
    ProcessBuilder pb =
        new ProcessBuilder(
            PROJECT.resolve("bin/vnpress").toString(),
            "serve",
            "--index",
            tmp.resolve("index").toString(),
            "--data",
            tmp.resolve("data").toString(),
            "--port",
            Integer.toString(port));
    pb.environment().remove("VNPRESS_TOKEN");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("vnpress serves")) {
        // the start-up lines
      }
      assertThat(line).as("the server's banner").isNotNull();
      p.destroy();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(Files.getLastModifiedTime(jsa)).isGreaterThan(Files.getLastModifiedTime(jar));
    assertThat(Files.size(jsa)).isGreaterThan(1 << 20);
  }
}
