package org.vnpress.opensearch;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.NgramTable;
import org.vnpress.index.SyllableCounts;
import org.vnpress.index.TextCounts;
import org.vnpress.search.restore.AccentRestorer;

/**
 * The accent model of a cluster's index, kept by vnpress from the releases it writes (the cluster
 * only stores the counts, in {@link ClusterSyllableStore}): read from the cluster once, in the
 * background, the first time the backend is used; the shipped model serves meanwhile.
 */
final class ClusterSyllables implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterSyllables.class);

  private final SyllableCounts syllables = new SyllableCounts();
  private final AccentRestorer restorer = AccentRestorer.of(syllables);
  private final ClusterSyllableStore store;
  private final AtomicBoolean loading = new AtomicBoolean();
  private final java.util.concurrent.CountDownLatch done =
      new java.util.concurrent.CountDownLatch(1);
  private volatile boolean loaded;

  ClusterSyllables(OpenSearchHosts hosts, String index) {
    this.store =
        new ClusterSyllableStore(
            (method, p, json) -> {
              OpenSearchHosts.Answer a = hosts.call(method, p, json, "application/json");
              return new ClusterSyllableStore.Reply(a.status(), a.body().toString());
            },
            index);
  }

  /** The restorer over these counts (and the shipped model while they are few). */
  AccentRestorer restorer() {
    load();
    return restorer;
  }

  /** Counts a release about to be written. */
  void add(PressRelease r) {
    load();
    syllables.add(TextCounts.of(r.displayTitle(), r.body()));
  }

  /**
   * After a write: the new counts to suggestions, and to the cluster once loaded from it. The
   * documents are stored already: failing to keep the counts costs the next start some of them, not
   * this write its answer.
   */
  void committed() {
    if (!loaded) {
      syllables.freeze();
      return;
    }
    try {
      syllables.committed(store);
    } catch (IOException e) {
      LOG.warn("keeping the accent model's counts in the cluster failed: {}", e.getMessage());
    }
  }

  /** The index was dropped: so are its counts. */
  void dropped() throws IOException {
    store.drop();
  }

  private void load() {
    if (!loading.compareAndSet(false, true)) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                NgramTable kept = store.read();
                if (kept != null) {
                  syllables.adopt(kept);
                }
                loaded = true;
              } catch (IOException | RuntimeException e) {
                // the shipped model serves meanwhile; the next start tries again
                loading.set(false);
              } finally {
                done.countDown();
              }
            },
            "vnpress-syllables-load");
    t.setDaemon(true);
    t.start();
  }

  /** Starts the load and waits for it (a server warming up), at most {@code seconds}. */
  void awaitLoaded(long seconds) {
    load();
    try {
      done.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    if (loaded) {
      syllables.close(store);
    }
  }
}
