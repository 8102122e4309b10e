package org.vnpress.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.Sources;
import org.vnpress.index.PressIndex;
import org.vnpress.search.LuceneBackend;
import org.vnpress.server.App;
import org.vnpress.server.ServerConfig;

/**
 * A write is wholly applied or not at all (issue 16): a batch that fails at its k-th record of n
 * leaves none of its records — right after, after a later commit, and after a restart — and takes
 * nothing of another request with it.
 */
class AtomicWriteTest {

  private static final String TOKEN = "atomic-write-token-31";
  private static final int N = 40;
  private static final int K = 27;

  @TempDir Path dir;

  private PressIndex seeded() throws IOException {
    PressIndex idx = PressIndex.open(dir.resolve("index"));
    idx.write(Fixtures.seedReleases());
    return idx;
  }

  private static final Extractor EXTRACTOR = Extractor.standard();

  private static PressRelease release(String id, int i) {
    return EXTRACTOR.fromRecord(
        new org.vnpress.extract.InputRecord(id, null, SeedRecords.body(i), null, null, null));
  }

  private static void assertNoneOf(LuceneBackend b, String batch) throws IOException {
    for (int i = 0; i < N; i++) {
      assertThat(b.document(SeedRecords.id(batch, i))).as(SeedRecords.id(batch, i)).isEmpty();
    }
  }

  @Test
  void aBatchThatLuceneRefusesAtRecordKLeavesNoneOfItsRecords() throws IOException {
    try (PressIndex idx = seeded()) {
      // the k-th id is one Lucene term of 40,000 bytes: Lucene refuses it (validation would too)
      try (PressIndex.Batch b = idx.begin()) {
        for (int i = 0; i < N; i++) {
          String id = i == K - 1 ? "x".repeat(40_000) : SeedRecords.id("lucene", i);
          PressIndex.Prepared p = idx.prepare(release(id, i));
          if (i == K - 1) {
            assertThatThrownBy(() -> b.put(p)).isInstanceOf(IllegalArgumentException.class);
            break;
          }
          b.put(p);
        }
      }
      LuceneBackend search = new LuceneBackend(idx);
      assertThat(idx.count()).isEqualTo(5);
      assertNoneOf(search, "lucene");
      // a later batch commits: the rolled-back records do not come back with it
      idx.write(List.of(release("later", 1)));
      assertThat(idx.count()).isEqualTo(6);
      assertNoneOf(search, "lucene");
      assertThat(idx.writerState().ok()).isTrue();
    }
    try (PressIndex reopened = PressIndex.open(dir.resolve("index"))) {
      assertThat(reopened.count()).isEqualTo(6);
      assertNoneOf(new LuceneBackend(reopened), "lucene");
    }
  }

  @Test
  void anOutOfMemoryErrorAtRecordKIsAJson503AndLeavesNoneOfTheBatch() throws Exception {
    FailingBackend backend = new FailingBackend(new LuceneBackend(seeded()));
    JavalinTest.test(
        App.create(backend, new Sources(Extractor.standard()), ServerConfig.local(0, TOKEN)),
        (server, ignored) -> {
          Http client = new Http(server.port());
          backend.failNextBatchAt(K, new OutOfMemoryError("injected at record " + K));
          Http.Answer r = client.post(SeedRecords.ndjson("oom", N), TOKEN);
          assertThat(r.code()).isEqualTo(503);
          assertThat(r.contentType()).startsWith("application/json");
          assertThat(r.json().get("error").asText()).isEqualTo("unavailable");
          assertThat(r.json().get("message").asText()).contains("memory");
          assertThat(backend.present("oom", N)).isEmpty();
          assertThat(client.documents()).isEqualTo(5);
          // the writer is not broken: the next request is written whole
          Http.Answer next = client.post(SeedRecords.ndjson("next", N), TOKEN);
          assertThat(next.code()).as(next.body()).isEqualTo(200);
          assertThat(next.json().get("added").asInt()).isEqualTo(N);
          assertThat(backend.present("oom", N)).isEmpty();
          assertThat(client.get("/api/health").json().get("status").asText()).isEqualTo("ok");
        });
    backend.close();
    try (PressIndex reopened = PressIndex.open(dir.resolve("index"))) {
      assertThat(reopened.count()).isEqualTo(5 + N);
      assertNoneOf(new LuceneBackend(reopened), "oom");
    }
  }

  @Test
  void aBatchIsInvisibleUntilItCommitsAndItsRollbackTakesNoOtherRequestWithIt() throws Exception {
    FailingBackend backend = new FailingBackend(new LuceneBackend(seeded()));
    JavalinTest.test(
        App.create(backend, new Sources(Extractor.standard()), ServerConfig.local(0, TOKEN)),
        (server, ignored) -> {
          Http client = new Http(server.port());
          backend.reached = new java.util.concurrent.CountDownLatch(1);
          backend.resume = new java.util.concurrent.CountDownLatch(1);
          backend.failNextBatchAt(K, new IOException("injected at record " + K));
          CompletableFuture<Http.Answer> failing =
              CompletableFuture.supplyAsync(
                  () -> client.post(SeedRecords.ndjson("fails", N), TOKEN));
          assertThat(backend.reached.await(60, TimeUnit.SECONDS)).isTrue();
          // K-1 records are in the writer, uncommitted: no search and no read sees them
          assertThat(client.get("/api/documents/" + SeedRecords.id("fails", 0)).code())
              .isEqualTo(404);
          assertThat(client.documents()).isEqualTo(5);
          // a second request waits for the first batch to end, and is then written whole
          CompletableFuture<Http.Answer> other =
              CompletableFuture.supplyAsync(
                  () -> client.post(SeedRecords.ndjson("other", N), TOKEN));
          Thread.sleep(300);
          assertThat(other).isNotDone();
          backend.resume.countDown();
          Http.Answer f = failing.get(60, TimeUnit.SECONDS);
          assertThat(f.code()).isEqualTo(503);
          assertThat(f.json().get("message").asText()).contains("nothing of this request");
          Http.Answer o = other.get(60, TimeUnit.SECONDS);
          assertThat(o.code()).as(o.body()).isEqualTo(200);
          assertThat(backend.present("other", N)).hasSize(N);
          assertThat(backend.present("fails", N)).isEmpty();
          assertThat(client.documents()).isEqualTo(5 + N);
        });
    backend.close();
  }

  @Test
  void aFullDiskIsA503ThatHealthReportsUntilAWriteCommitsAgain() throws Exception {
    Path index = dir.resolve("index");
    seeded().close();
    FaultTest.FullDisk disk =
        new FaultTest.FullDisk(org.apache.lucene.store.FSDirectory.open(index), Long.MAX_VALUE);
    LuceneBackend backend = new LuceneBackend(PressIndex.open(disk));
    JavalinTest.test(
        App.create(backend, new Sources(Extractor.standard()), ServerConfig.local(0, TOKEN)),
        (server, ignored) -> {
          Http client = new Http(server.port());
          disk.budget.set(16 * 1024);
          Http.Answer r = client.post(SeedRecords.ndjson("full", N), TOKEN);
          assertThat(r.code()).isEqualTo(503);
          assertThat(r.json().get("message").asText()).contains("No space left on device");
          var health = client.get("/api/health").json();
          assertThat(health.get("status").asText()).isEqualTo("degraded");
          assertThat(health.get("writer").asText()).contains("No space left on device");
          assertThat(client.documents()).isEqualTo(5);
          disk.budget.set(Long.MAX_VALUE);
          Http.Answer again = client.post(SeedRecords.ndjson("full", N), TOKEN);
          assertThat(again.code()).as(again.body()).isEqualTo(200);
          assertThat(client.get("/api/health").json().get("status").asText()).isEqualTo("ok");
          assertThat(client.documents()).isEqualTo(5 + N);
        });
    backend.close();
    try (PressIndex reopened = PressIndex.open(index)) {
      assertThat(reopened.count()).isEqualTo(5 + N);
    }
  }
}
