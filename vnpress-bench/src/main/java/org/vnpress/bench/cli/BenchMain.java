package org.vnpress.bench.cli;

import org.vnpress.cli.Main;
import picocli.CommandLine;

/**
 * The command line of {@code target/vnpress-bench.jar}: the product's commands and {@code bench}.
 * {@code bin/vnpress bench …} runs it; the product jar does not carry the benchmarks.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    Main.quietLucene();
    System.exit(commandLine().execute(args));
  }

  /** The product's command line with the bench commands added. */
  public static CommandLine commandLine() {
    return Main.commandLine().addSubcommand("bench", new BenchCommand());
  }
}
