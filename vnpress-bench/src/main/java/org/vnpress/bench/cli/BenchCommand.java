package org.vnpress.bench.cli;

import picocli.CommandLine.Command;

/**
 * {@code vnpress bench …}: the benchmark suite. Each benchmark is its own small command class;
 * adding one is one line in {@code subcommands}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks: generate, index, query, startup, relevance, analyzer, extraction, soak,"
            + " completion, suggest.",
    subcommands = {
      BenchGenerateCommand.class,
      BenchIndexCommand.class,
      BenchQueryCommand.class,
      BenchStartupCommand.class,
      BenchRelevanceCommand.class,
      BenchAnalyzerCommand.class,
      BenchExtractionCommand.class,
      BenchSoakCommand.class,
      BenchCompletionCommand.class,
      BenchSuggestCommand.class,
    })
final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a benchmark");
  }
}
