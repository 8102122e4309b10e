package org.vnpress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.PressIndex;

/**
 * Test fixtures. What may be redistributed lives in the repository (the seeds in {@code
 * index-data/seeds}, their gold extraction, the MIT resolutions, the bundled gazetteer); corpora
 * that may not are read from {@code ../shared} through {@link #shared(String)}, which skips the
 * test when they are absent (a clone from the public repository) and fails it when CI requires them
 * ({@code -Dvnpress.sharedTests=required}).
 */
public final class Fixtures {
  private Fixtures() {}

  /**
   * Marks the skip message of a test that needs {@code ../shared}: {@link SharedSkips} counts them.
   */
  public static final String NEEDS_SHARED = "needs ../shared";

  /** The project's root folder (Maven passes it; tests run from it otherwise). */
  public static Path project() {
    return Path.of(System.getProperty("vnpress.project", "."));
  }

  /** The five reference press releases, bundled in {@code index-data/seeds}. */
  public static Path seeds() {
    return project().resolve("index-data/seeds");
  }

  /** The 35 MIT-licensed resolutions of 2025, bundled in {@code index-data/}. */
  public static Path resolutions() {
    return project().resolve("index-data/official_resolutions_2025.jsonl");
  }

  /** {@code seeds/gold.json}: what extraction must produce for the seeds (a test resource). */
  public static InputStream seedGold() {
    InputStream in = Fixtures.class.getResourceAsStream("/org/vnpress/seeds/gold.json");
    if (in == null) {
      throw new IllegalStateException("src/test/resources/org/vnpress/seeds/gold.json is missing");
    }
    return in;
  }

  /** The shared folder, whether or not it exists. */
  public static Path sharedRoot() {
    return Path.of(System.getProperty("vnpress.shared", "../shared"));
  }

  /** True when CI asked for every test that reads {@code ../shared} to run. */
  public static boolean sharedRequired() {
    return "required"
        .equals(System.getProperty("vnpress.sharedTests", "optional").toLowerCase(Locale.ROOT));
  }

  /**
   * A file or folder of {@code ../shared} that may not be copied into the repository (the baomoi
   * and VNDS corpora, the ALQAC set). Skips the calling test when it is absent, or fails it when CI
   * requires the shared tests.
   */
  public static Path shared(String relative) {
    Path p = sharedRoot().resolve(relative);
    if (!Files.exists(p)) {
      String why = NEEDS_SHARED + "/" + relative + " (not redistributable), absent at " + p;
      if (sharedRequired()) {
        throw new IllegalStateException(why + "; -Dvnpress.sharedTests=required is set");
      }
      Assumptions.abort(why);
    }
    return p;
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

  private static PressIndex bundled;

  /**
   * An in-memory index of {@code index-data/} (seeds, resolutions, DANeS items), built once per
   * test JVM and shared: tests must not write to it.
   */
  public static synchronized PressIndex bundledIndex() throws IOException {
    if (bundled == null) {
      PressIndex index = PressIndex.inMemory();
      index.write(bundledReleases());
      bundled = index;
    }
    return bundled;
  }

  private static List<PressRelease> bundledReleases;

  /** The releases of {@code index-data/}, extracted once per test JVM (records are immutable). */
  public static synchronized List<PressRelease> bundledReleases() throws IOException {
    if (bundledReleases == null) {
      List<PressRelease> out = new ArrayList<>();
      new org.vnpress.extract.Sources(Extractor.standard())
          .read(
              List.of(project().resolve("index-data")),
              item -> {
                if (item instanceof org.vnpress.extract.Sources.Accepted a) {
                  out.add(a.release());
                }
              });
      bundledReleases = List.copyOf(out);
    }
    return bundledReleases;
  }

  /** An in-memory index holding the five seeds, committed. */
  public static PressIndex seedIndex() throws IOException {
    PressIndex index = PressIndex.inMemory();
    index.write(seedReleases());
    return index;
  }

  public static final String SEED_000 = "000_4ec04c6276b356c4";
  public static final String SEED_001 = "001_231455aad9621628";
  public static final String SEED_002 = "002_ee1f14a8cdde49d3";
  public static final String SEED_003 = "003_748c56fe5ba81c01";
  public static final String SEED_004 = "004_4cc13ceeb386153d";
}
