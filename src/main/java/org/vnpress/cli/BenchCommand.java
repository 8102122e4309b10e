package org.vnpress.cli;

import picocli.CommandLine.Command;

/** {@code vnpress bench …}: the benchmark suite. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks: relevance, analyzer, extraction, index, query.",
    subcommands = {})
final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a benchmark");
  }
}
