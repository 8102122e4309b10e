package org.vnpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.vnpress.Fixtures;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.InputRecord;
import org.vnpress.extract.PressRelease;

/** Searches running while documents arrive see a consistent index, and every document arrives. */
class ConcurrentSearchTest {

  @Test
  void searchesDuringIngestAreConsistent() throws Exception {
    Extractor x = Extractor.standard();
    try (LuceneBackend backend = new LuceneBackend(Fixtures.seedIndex())) {
      AtomicBoolean writing = new AtomicBoolean(true);
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        readers.add(
            pool.submit(
                () -> {
                  int searches = 0;
                  long lastTotal = 0;
                  while (writing.get() || searches < 5) {
                    SearchResponse r = backend.search(SearchRequest.of(""));
                    // totals only grow, and a page never holds more than it says
                    if (r.total() < lastTotal) {
                      problems.add("total went back from " + lastTotal + " to " + r.total());
                    }
                    if (r.hits().size() != Math.min(10, r.total())) {
                      problems.add("page of " + r.hits().size() + " for total " + r.total());
                    }
                    lastTotal = r.total();
                    backend.search(SearchRequest.of("hội nghị"));
                    searches++;
                  }
                  return searches;
                }));
      }
      for (int batch = 0; batch < 10; batch++) {
        List<PressRelease> releases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          int n = batch * 20 + i;
          releases.add(
              x.fromRecord(
                  new InputRecord(
                      "c" + n,
                      "Hội nghị số " + n,
                      "Nội dung hội nghị lần " + n + ".",
                      "2023-01-0" + (1 + i % 9),
                      null,
                      null)));
        }
        backend.ingest(releases);
      }
      writing.set(false);
      for (Future<Integer> f : readers) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(5);
      }
      pool.shutdown();
      assertThat(problems).isEmpty();
      assertThat(backend.count()).isEqualTo(205);
      assertThat(backend.search(SearchRequest.of("")).total()).isEqualTo(205);
    }
  }
}
