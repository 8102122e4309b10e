package org.vnpress.bench.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vnpress.bench.CorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vnpress bench generate}: writes the deterministic synthetic corpus as JSONL.gz. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Write N synthetic press releases (gzipped JSONL), the same bytes for the same seed.")
final class BenchGenerateCommand implements Callable<Integer> {

  @Mixin BenchOptions bench;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "output file (default: var/bench/corpus-N-SEED.jsonl.gz)")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path target =
        out != null
            ? out
            : bench
                .work()
                .resolve(
                    String.format(Locale.ROOT, "corpus-%d-%d.jsonl.gz", bench.docs, bench.seed));
    if (target.toAbsolutePath().getParent() != null) {
      Files.createDirectories(target.toAbsolutePath().getParent());
    }
    long t0 = System.nanoTime();
    CorpusGenerator g = CorpusGenerator.fromShared(bench.shared(), bench.seed);
    System.err.println("bench: " + g.model().describe());
    try (OutputStream o = Files.newOutputStream(target)) {
      g.write(bench.docs, o);
    }
    System.out.printf(
        Locale.ROOT,
        "generated %,d documents in %.1f s: %s (%,d bytes gzipped)%n",
        bench.docs,
        (System.nanoTime() - t0) / 1e9,
        target,
        Files.size(target));
    return 0;
  }
}
