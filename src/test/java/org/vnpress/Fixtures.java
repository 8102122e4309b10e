package org.vnpress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.PressIndex;

/** Test fixtures read from {@code ../shared}: the five seeds and their gold extraction. */
public final class Fixtures {
  private Fixtures() {}

  public static Path shared() {
    return Path.of(System.getProperty("vnpress.shared", "../shared"));
  }

  public static Path seeds() {
    return shared().resolve("seeds");
  }

  /** The seed files, in name order. */
  public static List<Path> seedFiles() {
    try (Stream<Path> s = Files.list(seeds())) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String stem(Path p) {
    return p.getFileName().toString().replaceFirst("\\.txt$", "");
  }

  private static List<PressRelease> seedReleases;

  /** The seeds as extraction makes them (extracted once per test JVM: records are immutable). */
  public static synchronized List<PressRelease> seedReleases() {
    if (seedReleases == null) {
      seedReleases = extractSeeds();
    }
    return seedReleases;
  }

  private static List<PressRelease> extractSeeds() {
    Extractor x = Extractor.standard();
    List<PressRelease> out = new ArrayList<>();
    for (Path p : seedFiles()) {
      try {
        out.add(x.fromText(stem(p), Files.readString(p, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** An in-memory index holding the five seeds, committed. */
  public static PressIndex seedIndex() throws IOException {
    PressIndex index = PressIndex.inMemory();
    index.addAll(seedReleases());
    index.commit();
    return index;
  }

  public static final String SEED_000 = "000_4ec04c6276b356c4";
  public static final String SEED_001 = "001_231455aad9621628";
  public static final String SEED_002 = "002_ee1f14a8cdde49d3";
  public static final String SEED_003 = "003_748c56fe5ba81c01";
  public static final String SEED_004 = "004_4cc13ceeb386153d";
}
