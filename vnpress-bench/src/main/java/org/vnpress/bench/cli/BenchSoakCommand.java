package org.vnpress.bench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vnpress.bench.SoakBench;
import org.vnpress.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vnpress bench soak}: 8 searching clients and 1 writer over loopback, bounded. */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description =
        "Searches (half of them hostile) and writes at once over loopback; checks that"
            + " nothing is lost or duplicated and reports throughput, p99 and heap.")
final class BenchSoakCommand implements Callable<Integer> {

  @Option(names = "--searches", description = "searches per client (default: ${DEFAULT-VALUE})")
  int searches = 2_500;

  @Option(names = "--writes", description = "documents written (default: ${DEFAULT-VALUE})")
  int writes = 500;

  @Override
  public Integer call() throws Exception {
    SoakBench.Config std =
        SoakBench.Config.standard(Main.home().resolve(Path.of("index-data", "seeds")));
    SoakBench.Result r =
        SoakBench.run(
            new SoakBench.Config(
                std.searchers(), searches, writes, std.hostileShare(), std.seed(), std.seeds()),
            System.out);
    return r.passed() ? 0 : 1;
  }
}
