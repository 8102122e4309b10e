package org.vnpress.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option shared by the commands that open the index. */
final class IndexOption {
  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "index folder (default: var/index in the project folder)")
  Path dir;

  Path resolve() {
    return dir != null ? dir : Main.defaultIndex();
  }
}
