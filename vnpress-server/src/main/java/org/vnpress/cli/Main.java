package org.vnpress.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vnpress} command line: serve, index, search, extract (bench: vnpress-bench). */
@Command(
    name = "vnpress",
    mixinStandardHelpOptions = true,
    version = "vnpress 0.1",
    description = "Search engine for Vietnamese Party and government press releases.",
    subcommands = {
      ServeCommand.class,
      IndexCommand.class,
      SearchCommand.class,
      ExtractCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /**
   * Lucene announces its SIMD set-up (or its absence) through java.util.logging: not news for a
   * user.
   */
  private static final java.util.logging.Logger LUCENE_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. serve");
  }

  public static void main(String[] args) {
    quietLucene();
    System.exit(commandLine().execute(args));
  }

  /** Silences Lucene's start-up notes (SIMD or not); the benchmarks' command line calls it too. */
  public static void quietLucene() {
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  /** The command line with vnpress's error handling: one line, exit 1 at run time, 2 for usage. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          PrintWriter err = cmd.getErr();
          err.println("vnpress: " + describe(ex));
          err.flush();
          return 1;
        });
    return cl;
  }

  static String describe(Throwable ex) {
    if (ex instanceof NoSuchFileException e) {
      return "no such file: " + e.getFile();
    }
    String m = ex.getMessage();
    return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
  }

  /** The project folder the launcher runs from ({@code VNPRESS_HOME}), else the working folder. */
  public static Path home() {
    String h = System.getenv("VNPRESS_HOME");
    return h == null || h.isBlank() ? Path.of("") : Path.of(h);
  }

  public static Path defaultIndex() {
    return home().resolve("var").resolve("index");
  }
}
