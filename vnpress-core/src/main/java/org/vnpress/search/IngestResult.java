package org.vnpress.search;

import java.util.List;

/** What an ingest did: CONTRACT §3 {@code {added, replaced, rejected[]}}. */
public record IngestResult(int added, int replaced, List<Rejection> rejected) {

  /** A record that was not indexed, by its position in the request, and why. */
  public record Rejection(int index, String error) {}
}
