package org.vnpress.hardening;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vnpress.extract.PressRelease;
import org.vnpress.search.DocumentView;
import org.vnpress.search.LuceneBackend;
import org.vnpress.search.SearchBackend;
import org.vnpress.search.SearchRequest;
import org.vnpress.search.SearchResponse;

/**
 * Fault injection over the real index: the next batch begun fails when its {@code k}-th record is
 * put, with a chosen failure; everything else goes to a {@link LuceneBackend} unchanged.
 */
final class FailingBackend implements SearchBackend {

  private final LuceneBackend real;
  private volatile int failAt = -1;
  private volatile Throwable failure;

  /** Counted down when the failing batch has put the records before the k-th. */
  volatile CountDownLatch reached = new CountDownLatch(1);

  /** Awaited before failing: lets a test look at the index while the batch is open. */
  volatile CountDownLatch resume = new CountDownLatch(0);

  FailingBackend(LuceneBackend real) {
    this.real = real;
  }

  /** Arms the next batch to fail at its k-th record (1-based). */
  void failNextBatchAt(int k, Throwable t) {
    failure = t;
    failAt = k;
  }

  @Override
  public Prepared prepare(PressRelease release) throws IOException {
    return real.prepare(release);
  }

  @Override
  public Batch begin() throws IOException {
    Batch b = real.begin();
    int k = failAt;
    failAt = -1;
    Throwable t = failure;
    return new Batch() {
      private int n;

      @Override
      public void put(Prepared release) throws IOException {
        if (++n == k) {
          reached.countDown();
          try {
            resume.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          if (t instanceof IOException io) {
            throw io;
          }
          if (t instanceof RuntimeException re) {
            throw re;
          }
          throw (Error) t;
        }
        b.put(release);
      }

      @Override
      public void delete(String id) throws IOException {
        b.delete(id);
      }

      @Override
      public Counts commit() throws IOException {
        return b.commit();
      }

      @Override
      public void close() throws IOException {
        b.close();
      }
    };
  }

  @Override
  public State writerState() {
    return real.writerState();
  }

  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    return real.search(request);
  }

  @Override
  public Optional<DocumentView> document(String id) throws IOException {
    return real.document(id);
  }

  @Override
  public boolean delete(String id) throws IOException {
    return real.delete(id);
  }

  @Override
  public long count() throws IOException {
    return real.count();
  }

  @Override
  public void close() throws IOException {
    real.close();
  }

  /** Ids of {@code batch} that the index holds. */
  List<String> present(String batch, int n) throws IOException {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = SeedRecords.id(batch, i);
      if (real.document(id).isPresent()) {
        out.add(id);
      }
    }
    return out;
  }
}
