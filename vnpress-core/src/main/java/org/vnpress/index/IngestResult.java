package org.vnpress.index;

import java.util.List;

/** What one write request did: CONTRACT §3 {@code {added, replaced, rejected[]}}. */
public record IngestResult(int added, int replaced, List<Rejection> rejected) {

  /**
   * A record that was not written, by its position in the request (the 0-based line of NDJSON, the
   * index in a JSON array), and why.
   */
  public record Rejection(int index, String error) {}
}
