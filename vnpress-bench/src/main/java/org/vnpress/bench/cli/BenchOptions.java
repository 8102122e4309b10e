package org.vnpress.bench.cli;

import java.nio.file.Path;
import org.vnpress.cli.Main;
import picocli.CommandLine.Option;

/** Options every speed benchmark shares: corpus size and seed, where data comes from and goes. */
final class BenchOptions {

  @Option(names = "--docs", description = "generated documents (default: ${DEFAULT-VALUE})")
  int docs = 100_000;

  @Option(names = "--seed", description = "generator seed (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(
      names = "--shared",
      paramLabel = "DIR",
      description = "the shared folder with corpus/ and gazetteer/ (default: ../shared)")
  Path shared;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "cache for generated corpora, indexes and results (default: var/bench)")
  Path work;

  @Option(names = "--json", description = "end with one JSON line of the figures")
  boolean json;

  Path shared() {
    if (shared != null) {
      return shared;
    }
    return Path.of(
        System.getProperty(
            "vnpress.shared",
            Main.home().toAbsolutePath().resolve("../shared").normalize().toString()));
  }

  Path work() {
    return work != null ? work : Main.home().resolve("var").resolve("bench");
  }
}
