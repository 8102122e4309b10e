package org.vnpress.bench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vnpress.bench.SuggestBench;
import org.vnpress.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vnpress bench suggest}: accent restoration against unigram and bigram baselines. */
@Command(
    name = "suggest",
    mixinStandardHelpOptions = true,
    description =
        "Accent restoration on held-out windows of 5-7 words typed without diacritics: syllable"
            + " and window accuracy and time, beside unigram and bigram baselines on the same index.")
final class BenchSuggestCommand implements Callable<Integer> {
  @Mixin SharedOption shared;

  @Option(names = "--windows", description = "news windows (default: ${DEFAULT-VALUE})")
  int windows = 400;

  @Option(
      names = "--counts-only",
      description = "count the training documents without building an index (faster, same counts)")
  boolean countsOnly;

  @Option(
      names = "--scale-corpus",
      paramLabel = "FILE",
      description = "also time restorations with the counts of this (large) JSONL corpus")
  Path scaleCorpus;

  @Option(
      names = "--scale-docs",
      description = "documents of --scale-corpus to count (default: ${DEFAULT-VALUE})")
  int scaleDocs = 1_000_000;

  @Option(
      names = "--train-fallback",
      paramLabel = "FILE",
      description = "instead: count the shipped model into FILE (gzipped)")
  Path trainFallback;

  @Option(names = "--fallback-entries", description = "(default: ${DEFAULT-VALUE})")
  int fallbackEntries = 1_000_000;

  @Option(names = "--fallback-forms", description = "(default: ${DEFAULT-VALUE})")
  int fallbackForms = 40_000;

  @Override
  public Integer call() throws Exception {
    Path home = Main.home().toAbsolutePath();
    if (trainFallback != null) {
      SuggestBench.trainFallback(
          shared.resolve(), home, trainFallback, fallbackEntries, fallbackForms, System.out);
      return 0;
    }
    SuggestBench.run(
        shared.resolve(), home, windows, countsOnly, scaleCorpus, scaleDocs, System.out);
    return 0;
  }
}
