package org.vnpress.bench.cli;

import java.nio.file.Path;
import org.vnpress.cli.Main;
import picocli.CommandLine.Option;

/** {@code --shared DIR}: where the evaluation data lives (corpus/, ir/, seeds/, gazetteer/). */
final class SharedOption {
  @Option(
      names = "--shared",
      paramLabel = "DIR",
      description = "the shared folder with corpus/, ir/ and seeds/ (default: ../shared)")
  Path shared;

  Path resolve() {
    return shared != null ? shared : Main.home().toAbsolutePath().resolve("../shared").normalize();
  }
}
