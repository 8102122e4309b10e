package org.vnpress.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids one batch touched: whether each was stored before the batch and whether it is after. A
 * batch counts its changes from it, and a backend that cannot roll back knows what to undo. Safe
 * for the threads of one batch.
 */
public final class BatchLedger {

  private static final class Entry {
    Boolean before;
    boolean after;
  }

  private final Map<String, Entry> ids = new HashMap<>();

  /** Whether the batch has touched the id, so its state before the batch is known. */
  public synchronized boolean knows(String id) {
    Entry e = ids.get(id);
    return e != null && e.before != null;
  }

  /** Records whether the id was stored before the batch; the first answer counts. */
  public synchronized void before(String id, boolean stored) {
    Entry e = ids.computeIfAbsent(id, k -> new Entry());
    if (e.before == null) {
      e.before = stored;
    }
  }

  public synchronized void put(String id) {
    ids.computeIfAbsent(id, k -> new Entry()).after = true;
  }

  public synchronized void deleted(String id) {
    ids.computeIfAbsent(id, k -> new Entry()).after = false;
  }

  /** Ids whose state before the batch is not known yet. */
  public synchronized List<String> unknown() {
    List<String> out = new ArrayList<>();
    ids.forEach(
        (id, e) -> {
          if (e.before == null) {
            out.add(id);
          }
        });
    return out;
  }

  /** Ids the batch created: to be deleted again when it cannot finish. */
  public synchronized List<String> created() {
    List<String> out = new ArrayList<>();
    ids.forEach(
        (id, e) -> {
          if (Boolean.FALSE.equals(e.before)) {
            out.add(id);
          }
        });
    return out;
  }

  public synchronized ReleaseWriter.Counts counts() {
    int added = 0;
    int replaced = 0;
    int deleted = 0;
    for (Entry e : ids.values()) {
      boolean before = Boolean.TRUE.equals(e.before);
      if (e.after) {
        if (before) {
          replaced++;
        } else {
          added++;
        }
      } else if (before) {
        deleted++;
      }
    }
    return new ReleaseWriter.Counts(added, replaced, deleted);
  }
}
